import { type RawBuilder, sql } from "kysely";
import { isClosedAsWon, wonStageKeys } from "../domain/pipeline/deal-outcome.js";
import { type LeadEngagement, leadModelRecord } from "../domain/scoring/lead-model-features.js";
import type { FeatureRecord } from "../domain/scoring/model/feature-values.js";
import { type Executor, fromJsonColumn, idChunks, withoutIndex } from "./engine.js";
import { leadRowToLead } from "./leads.js";
import { readSettings } from "./settings.js";

/** Events counted as engagement, by the feature they count (page views are `activity` events of kind page_view). */
const COUNTED_EVENTS: Record<string, Exclude<keyof LeadEngagement, "pageViews">> = { touch: "touches", replied: "replies", meeting_booked: "meetingsBooked" };

/**
 * In a query joined to `lead_pipeline as lp`: the row was written before the lead closed (any
 * row while it is open). Nothing that happened after the outcome may teach the model.
 */
function beforeClose(column: "events.at" | "qa.answered_at"): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref("lp.closed_at")} is null or ${sql.ref(column)} < ${sql.ref("lp.closed_at")})`;
}

/** Engagement counts of the leads, each starting at zero. */
async function loadEngagement(db: Executor, ids: string[]): Promise<Map<string, LeadEngagement>> {
  const engagement = new Map(ids.map((id) => [id, { touches: 0, replies: 0, meetingsBooked: 0, pageViews: 0 }]));
  const counted = await db
    .selectFrom("events")
    .leftJoin("lead_pipeline as lp", "lp.lead_id", "events.lead_id")
    .select((eb) => ["events.lead_id", "events.type", eb.fn.countAll<number | string>().as("total")])
    .where("events.lead_id", "in", ids)
    .where(withoutIndex("events.type"), "in", Object.keys(COUNTED_EVENTS))
    .where(beforeClose("events.at"))
    .groupBy(["events.lead_id", "events.type"])
    .execute();
  for (const row of counted) engagement.get(row.lead_id!)![COUNTED_EVENTS[row.type]!] = Number(row.total);
  // The kind lives in the JSON data, which SQLite and PostgreSQL query differently: read it here.
  const activity = await db
    .selectFrom("events")
    .leftJoin("lead_pipeline as lp", "lp.lead_id", "events.lead_id")
    .select(["events.lead_id", "events.data"])
    .where("events.lead_id", "in", ids)
    .where(withoutIndex("events.type"), "=", "activity")
    .where(beforeClose("events.at"))
    .execute();
  for (const row of activity) {
    if (fromJsonColumn<{ kind?: unknown }>(row.data).kind === "page_view") engagement.get(row.lead_id!)!.pageViews += 1;
  }
  return engagement;
}

async function loadChunk(db: Executor, ids: string[], records: Map<string, FeatureRecord>): Promise<void> {
  const rows = await db
    .selectFrom("leads")
    .leftJoin("lead_pipeline as lp", "lp.lead_id", "leads.id")
    .leftJoin("lead_sla as sla", "sla.lead_id", "leads.id")
    .selectAll("leads")
    .select(["lp.closed_at", "sla.first_response_at"])
    .where("leads.id", "in", ids)
    .execute();
  const answers = await db
    .selectFrom("qualification_answers as qa")
    .leftJoin("lead_pipeline as lp", "lp.lead_id", "qa.lead_id")
    .select(["qa.lead_id", "qa.criterion", "qa.answer"])
    .where("qa.lead_id", "in", ids)
    .where(beforeClose("qa.answered_at"))
    .execute();
  const answersByLead = new Map<string, { criterion: string; answer: string }[]>();
  for (const answer of answers) {
    const ofLead = answersByLead.get(answer.lead_id);
    if (ofLead) ofLead.push(answer);
    else answersByLead.set(answer.lead_id, [answer]);
  }
  const engagement = await loadEngagement(db, ids);
  for (const { closed_at: closedAt, first_response_at: firstResponseAt, ...leadRow } of rows) {
    const isAnsweredInTime = firstResponseAt !== null && (closedAt === null || firstResponseAt < closedAt);
    records.set(
      leadRow.id,
      leadModelRecord({
        lead: leadRowToLead(leadRow),
        answers: answersByLead.get(leadRow.id) ?? [],
        firstResponseAt: isAnsweredInTime ? firstResponseAt : null,
        engagement: engagement.get(leadRow.id)!,
      }),
    );
  }
}

/**
 * Model records of the given leads (see `leadModelRecord`), by lead id; unknown ids are absent.
 * Five set-based queries per 500 leads. For a closed lead only what happened before it closed
 * counts: events, answers and the first response after `closed_at` are left out.
 */
export async function loadModelRecords(db: Executor, leadIds: readonly string[]): Promise<Map<string, FeatureRecord>> {
  const records = new Map<string, FeatureRecord>();
  for (const ids of idChunks(leadIds)) await loadChunk(db, ids, records);
  return records;
}

/** The closed leads as the model learns from them: records and outcomes in the order of `leadIds`. */
export type ClosedModelRecords = { leadIds: string[]; records: FeatureRecord[]; outcomes: boolean[] };

/** Stage keys of the workspace's won stages. */
async function wonStagesOf(db: Executor): Promise<Set<string>> {
  return new Set(wonStageKeys((await readSettings(db)).pipeline));
}

function closedLeads(db: Executor) {
  return db.selectFrom("lead_pipeline as lp").innerJoin("leads", "leads.id", "lp.lead_id").where("lp.closed_at", "is not", null);
}

/**
 * Every closed lead (won, lost or disqualified; `lead_pipeline.closed_at` set) with its model
 * record and outcome, oldest close first: won is true, lost or disqualified false.
 */
export async function loadClosedModelRecords(db: Executor): Promise<ClosedModelRecords> {
  const wonStages = await wonStagesOf(db);
  const closed = await closedLeads(db).select(["lp.lead_id", "leads.stage", "lp.qualification_status"]).orderBy("lp.closed_at").orderBy("lp.lead_id").execute();
  const leadIds = closed.map((row) => row.lead_id);
  const byId = await loadModelRecords(db, leadIds);
  return {
    leadIds,
    records: closed.map((row) => byId.get(row.lead_id)!),
    outcomes: closed.map((row) => isClosedAsWon(wonStages, row.stage, row.qualification_status)),
  };
}

/** How many leads have closed and how many of them were won: the history the model would learn from. */
export async function countClosedLeads(db: Executor): Promise<{ closed: number; wins: number }> {
  const wonStages = await wonStagesOf(db);
  const groups = await closedLeads(db)
    .select((eb) => ["leads.stage", "lp.qualification_status", eb.fn.countAll<number | string>().as("total")])
    .groupBy(["leads.stage", "lp.qualification_status"])
    .execute();
  let [closed, wins] = [0, 0];
  for (const group of groups) {
    closed += Number(group.total);
    if (isClosedAsWon(wonStages, group.stage, group.qualification_status)) wins += Number(group.total);
  }
  return { closed, wins };
}
