import type { Kysely } from "kysely";
import type { NewLeadEvent } from "../../src/domain/lead/lead-event.js";
import { freshLeadPipeline, type LeadPipeline } from "../../src/domain/pipeline/lead-pipeline.js";
import { appendEvents } from "../../src/store/events.js";
import { insertLeadPipelines } from "../../src/store/lead-pipeline.js";
import { saveLeadSlas } from "../../src/store/lead-sla.js";
import { insertLeads } from "../../src/store/leads.js";
import { saveQualificationAnswers } from "../../src/store/qualification-answers.js";
import type { Database } from "../../src/store/schema.js";
import { REFERENCE_TIME } from "./engines.js";
import { buildLead } from "./factories.js";
import { DAY_MS } from "../../src/domain/time.js";

const HOUR_MS = 60 * 60 * 1000;

export type ClosedLeadHistory = { leadIds: string[]; wins: number };

/**
 * A history of `count` closed leads (`wins` of them won, the rest alternately lost and
 * disqualified), written straight through the store so hundreds take milliseconds. Each lead
 * closes a day after capture, before `closedBefore` (default REFERENCE_TIME); winners lean
 * to referrals, senior titles, a confirmed budget, a quick first response and more touches,
 * so a model has something (not everything) to learn.
 * Ids start with `prefix`, so a test can seed several histories.
 */
export async function seedClosedLeads(db: Kysely<Database>, options: { count: number; wins: number; prefix?: string; closedBefore?: number }): Promise<ClosedLeadHistory> {
  const { count, wins, prefix = "hist", closedBefore = REFERENCE_TIME } = options;
  const leads = Array.from({ length: count }, (_, i) => {
    const isWon = i < wins;
    const createdAt = closedBefore - (count - i) * HOUR_MS - DAY_MS;
    return buildLead({
      id: `${prefix}_${String(i).padStart(5, "0")}`,
      email: `buyer${i}@${i % 4 === 0 ? "gmail.com" : `company${i}.example`}`,
      title: ["CEO", "Head of Sales", "Marketing Manager", "Analyst"][(isWon ? i : i + 2) % 4]!,
      source: (isWon ? i % 3 !== 0 : i % 3 === 0) ? "referral" : "website",
      country: ["DE", "FR", "US"][i % 3]!,
      custom: { employees: 10 + ((i * 37) % 500) },
      stage: isWon ? "won" : i % 2 === 0 ? "lost" : "contacted",
      createdAt,
      updatedAt: createdAt,
    });
  });
  await insertLeads(db, leads);
  const states: LeadPipeline[] = leads.map((lead, i) => ({
    ...freshLeadPipeline(lead),
    qualificationStatus: i >= wins && i % 2 === 1 ? "disqualified" : "qualified",
    closedAt: lead.createdAt + DAY_MS,
  }));
  await insertLeadPipelines(db, states, closedBefore);
  await saveLeadSlas(
    db,
    leads.map((lead, i) => ({
      leadId: lead.id,
      policyId: "sla_standard",
      startedAt: lead.createdAt,
      warnAt: lead.createdAt + HOUR_MS,
      dueAt: lead.createdAt + 2 * HOUR_MS,
      firstResponseAt: lead.createdAt + ((i < wins ? i % 45 : i % 90) + 1) * 60_000,
      status: "met",
    })),
    closedBefore,
  );
  const events: NewLeadEvent[] = leads.flatMap((lead, i) =>
    Array.from({ length: i < wins ? 1 + (i % 3) : 1 + (i % 2) }, (_, k) => ({ leadId: lead.id, type: "touch", actor: "user:user_rep", at: lead.createdAt + (k + 1) * HOUR_MS, data: { channel: "call", direction: "out" } })),
  );
  await appendEvents(db, events);
  for (const [i, lead] of leads.entries()) {
    const isBudgetConfirmed = i < wins ? i % 4 !== 0 : i % 4 === 0;
    await saveQualificationAnswers(db, lead.id, [{ criterion: "budget", answer: isBudgetConfirmed ? "yes" : "no", notes: null, answeredBy: "user:user_rep", answeredAt: lead.createdAt + HOUR_MS }]);
  }
  return { leadIds: leads.map((lead) => lead.id), wins };
}
