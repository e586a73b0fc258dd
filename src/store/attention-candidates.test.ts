import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attentionCutoffs } from "../domain/attention/attention-cutoffs.js";
import { attentionReasons } from "../domain/attention/attention-reason.js";
import type { Lead } from "../domain/lead/lead.js";
import { freshLeadPipeline, type LeadPipeline } from "../domain/pipeline/lead-pipeline.js";
import { DEFAULT_PIPELINE } from "../domain/pipeline/pipeline-config.js";
import { ENGINES, openTestDatabase, REFERENCE_TIME, type TestDatabase } from "../../test/support/engines.js";
import { buildLead, buildPerson } from "../../test/support/factories.js";
import { listAttentionCandidates } from "./attention-candidates.js";
import { findLeadPipelines, saveLeadPipeline } from "./lead-pipeline.js";
import { findLeadSlas, type LeadSla, saveLeadSlas } from "./lead-sla.js";
import { insertLeads } from "./leads.js";
import { insertUsers } from "./users.js";

const T0 = REFERENCE_TIME;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OWNERS = ["user_1", "user_2", null] as const;

/** A lead in some pipeline situation: each field drawn so every attention rule is on both sides of its line. */
type Situation = {
  stage: string;
  ownerIndex: number;
  createdDaysAgo: number;
  pipeline: null | { enteredHoursAgo: number; nextStepDueInHours: number | null; replyWaitingHoursAgo: number | null; isClosed: boolean };
  sla: null | { warnInMinutes: number; isAnswered: boolean };
};

const situation: fc.Arbitrary<Situation> = fc.record({
  stage: fc.constantFrom("new", "contacted", "qualified", "proposal", "won", "lost", "legacy"),
  ownerIndex: fc.integer({ min: 0, max: 2 }),
  createdDaysAgo: fc.integer({ min: 0, max: 30 }),
  pipeline: fc.option(
    fc.record({
      // Whole days land exactly on stall cutoffs at the whole-day check times below.
      enteredHoursAgo: fc.oneof(fc.integer({ min: 0, max: 30 }).map((days) => days * 24), fc.integer({ min: 0, max: 30 * 24 })),
      nextStepDueInHours: fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }),
      replyWaitingHoursAgo: fc.option(fc.integer({ min: 0, max: 48 }), { nil: null }),
      isClosed: fc.boolean(),
    }),
    { nil: null },
  ),
  sla: fc.option(fc.record({ warnInMinutes: fc.oneof(fc.constantFrom(-120, -60, 0, 60, 120), fc.integer({ min: -120, max: 120 })), isAnswered: fc.boolean() }), { nil: null }),
});

function leadOf(index: number, s: Situation): Lead {
  const createdAt = T0 - s.createdDaysAgo * DAY;
  return buildLead({ id: `lead_${String(index).padStart(3, "0")}`, ownerId: OWNERS[s.ownerIndex]!, stage: s.stage, createdAt, updatedAt: createdAt });
}

function pipelineOf(lead: Lead, s: NonNullable<Situation["pipeline"]>): LeadPipeline {
  return {
    ...freshLeadPipeline(lead),
    stageEnteredAt: T0 - s.enteredHoursAgo * HOUR,
    nextStep: s.nextStepDueInHours === null ? null : { action: "Call", dueAt: T0 + s.nextStepDueInHours * HOUR, ownerId: null, setAt: T0 - DAY, status: "scheduled" },
    replyWaitingSince: s.replyWaitingHoursAgo === null ? null : T0 - s.replyWaitingHoursAgo * HOUR,
    closedAt: s.isClosed ? T0 - HOUR : null,
  };
}

function slaOf(lead: Lead, s: NonNullable<Situation["sla"]>): LeadSla {
  const warnAt = T0 + s.warnInMinutes * 60_000;
  return { leadId: lead.id, policyId: "sla_standard", startedAt: warnAt - 4 * 60_000, warnAt, dueAt: warnAt + 60_000, firstResponseAt: s.isAnswered ? warnAt : null, status: s.isAnswered ? "met" : "running" };
}

describe.each(ENGINES)("attention candidates on %s", (engine) => {
  let database: TestDatabase;
  let leads: Lead[];
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const db = database.db;
    await insertUsers(db, [buildPerson("user_1"), buildPerson("user_2")]);
    // Plus leads whose only possible reason starts exactly at a check time: the SLA warning.
    const onWarning = [0, 60, 120].map((warnInMinutes): Situation => ({ stage: "new", ownerIndex: 0, createdDaysAgo: 0, pipeline: null, sla: { warnInMinutes, isAnswered: false } }));
    const situations = [...fc.sample(situation, { seed: 4, numRuns: 300 }), ...onWarning];
    leads = situations.map((s, index) => leadOf(index, s));
    await insertLeads(db, leads);
    for (const [index, s] of situations.entries()) {
      if (s.pipeline) await saveLeadPipeline(db, pipelineOf(leads[index]!, s.pipeline), T0);
    }
    await saveLeadSlas(db, situations.flatMap((s, index) => (s.sla ? [slaOf(leads[index]!, s.sla)] : [])), T0);
  });
  afterAll(() => database.destroy());

  async function needingAttention(now: number, ownerId: string | undefined): Promise<string[]> {
    const [states, slas] = await Promise.all([findLeadPipelines(database.db, leads), findLeadSlas(database.db, leads.map((lead) => lead.id))]);
    return leads
      .filter((lead) => ownerId === undefined || lead.ownerId === ownerId)
      .filter((lead) => attentionReasons(lead, states.get(lead.id)!, DEFAULT_PIPELINE, slas.get(lead.id) ?? null, now).length > 0)
      .map((lead) => lead.id);
  }

  it.each([
    ["at the reference time", 0],
    ["an hour later", HOUR],
    ["two hours later", 2 * HOUR],
    ["three days later", 3 * DAY],
    ["ten days later", 10 * DAY],
  ])("returns exactly the open leads the domain finds a reason for, %s", async (_when, offset) => {
    const now = T0 + offset;
    const expected = await needingAttention(now, undefined);
    expect(expected.length).toBeGreaterThan(20);
    expect(expected.length).toBeLessThan(leads.length);
    const candidates = await listAttentionCandidates(database.db, { ...attentionCutoffs(DEFAULT_PIPELINE, now), ownerId: undefined });
    expect(candidates.map((c) => c.leadId).sort()).toEqual(expected);
    for (const candidate of candidates) {
      expect(attentionReasons(candidate, candidate.state, DEFAULT_PIPELINE, candidate.sla, now).length).toBeGreaterThan(0);
    }
  });

  it("narrows to one owner", async () => {
    const now = T0 + HOUR;
    const candidates = await listAttentionCandidates(database.db, { ...attentionCutoffs(DEFAULT_PIPELINE, now), ownerId: "user_2" });
    expect(candidates.map((c) => c.leadId).sort()).toEqual(await needingAttention(now, "user_2"));
    expect(new Set(candidates.map((c) => c.ownerId))).toEqual(new Set(["user_2"]));
  });
});
