import type { Lead } from "../domain/lead/lead.js";
import type { MatchKey } from "../domain/lead/match-key.js";
import { containsText, type Executor, fromJsonColumn, supportsRowLocks, toJsonColumn } from "./engine.js";
import type { LeadRow, LeadRowUpdate, NewLeadRow } from "./schema.js";

/** Rows per multi-row INSERT: 24 columns × 500 stays under SQLite's 32,766 bound parameters. */
const INSERT_CHUNK_ROWS = 500;

/** Maps a stored row to the domain lead. */
export function leadRowToLead(row: LeadRow): Lead {
  return {
    id: row.id,
    email: row.email,
    phone: row.phone,
    firstName: row.first_name,
    lastName: row.last_name,
    company: row.company,
    title: row.title,
    country: row.country,
    source: row.source,
    campaign: row.campaign,
    channel: row.channel,
    utm: {
      source: row.utm_source,
      medium: row.utm_medium,
      campaign: row.utm_campaign,
      term: row.utm_term,
      content: row.utm_content,
    },
    message: row.message,
    custom: fromJsonColumn<Record<string, unknown>>(row.custom),
    ownerId: row.owner_id,
    stage: row.stage,
    isOptedOut: row.is_opted_out === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Maps a domain lead to its row (for inserts and full updates). */
export function leadToRow(lead: Lead): NewLeadRow {
  return {
    id: lead.id,
    email: lead.email,
    phone: lead.phone,
    first_name: lead.firstName,
    last_name: lead.lastName,
    company: lead.company,
    title: lead.title,
    country: lead.country,
    source: lead.source,
    campaign: lead.campaign,
    channel: lead.channel,
    utm_source: lead.utm.source,
    utm_medium: lead.utm.medium,
    utm_campaign: lead.utm.campaign,
    utm_term: lead.utm.term,
    utm_content: lead.utm.content,
    message: lead.message,
    custom: toJsonColumn(lead.custom),
    owner_id: lead.ownerId,
    stage: lead.stage,
    is_opted_out: lead.isOptedOut ? 1 : 0,
    search_text: searchTextOf(lead),
    created_at: lead.createdAt,
    updated_at: lead.updatedAt,
  };
}

function searchTextOf(lead: Pick<Lead, "firstName" | "lastName" | "email" | "company">): string {
  return [lead.firstName, lead.lastName, lead.email, lead.company].filter(Boolean).join(" ").toLowerCase();
}

/** Inserts new leads in multi-row statements. */
export async function insertLeads(db: Executor, leads: Lead[]): Promise<void> {
  for (let start = 0; start < leads.length; start += INSERT_CHUNK_ROWS) {
    await db.insertInto("leads").values(leads.slice(start, start + INSERT_CHUNK_ROWS).map(leadToRow)).execute();
  }
}

/** Writes every field of an existing lead. */
export async function updateLead(db: Executor, lead: Lead): Promise<void> {
  const { id, created_at: _createdAt, ...row } = leadToRow(lead);
  await db.updateTable("leads").set(row satisfies LeadRowUpdate).where("id", "=", id).execute();
}

/** Finds one lead by id. */
export async function findLeadById(db: Executor, id: string): Promise<Lead | undefined> {
  const row = await db.selectFrom("leads").selectAll().where("id", "=", id).executeTakeFirst();
  return row && leadRowToLead(row);
}

/** Loads leads by id. */
export async function findLeadsByIds(db: Executor, ids: string[]): Promise<Lead[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom("leads").selectAll().where("id", "in", ids).execute();
  return rows.map(leadRowToLead);
}

/**
 * Locks a lead row for a change of its own columns (PostgreSQL `FOR NO KEY UPDATE`). Not `FOR
 * UPDATE`: that also blocks the key-share lock every insert of a row pointing at the lead takes
 * (an event, a sequence email), so a sequence step that holds its enrolment and writes for the
 * lead would deadlock with an opt-out, bounce or stage move that holds the lead and waits for the
 * enrolment. Writers of the lead still queue on each other.
 */
function lockedForChange<Query extends { forNoKeyUpdate(): Query }>(db: Executor, query: Query): Query {
  return supportsRowLocks(db) ? query.forNoKeyUpdate() : query;
}

/** Loads leads by id and locks them for a change until the transaction ends. */
export async function lockLeadsByIds(db: Executor, ids: string[]): Promise<Lead[]> {
  if (ids.length === 0) return [];
  const query = db.selectFrom("leads").selectAll().where("id", "in", ids);
  const rows = await lockedForChange(db, query).execute();
  return rows.map(leadRowToLead);
}

/**
 * Every lead reached at `address` (lower-cased): its current email, or an address merged into
 * it (`email:` match key); locked for a change until the transaction ends.
 */
export async function lockLeadsByEmail(db: Executor, address: string): Promise<Lead[]> {
  const merged = db.selectFrom("lead_match_keys").select("lead_id").where("match_key", "=", `email:${address}`);
  const query = db.selectFrom("leads").selectAll().where((eb) => eb.or([eb("email", "=", address), eb("id", "in", merged)])).orderBy("id");
  const rows = await lockedForChange(db, query).execute();
  return rows.map(leadRowToLead);
}

/** Which lead each of these match keys belongs to. */
export async function findLeadIdsByMatchKeys(db: Executor, keys: MatchKey[]): Promise<Map<MatchKey, string>> {
  const found = new Map<MatchKey, string>();
  for (let start = 0; start < keys.length; start += INSERT_CHUNK_ROWS) {
    const rows = await db
      .selectFrom("lead_match_keys")
      .select(["match_key", "lead_id"])
      .where("match_key", "in", keys.slice(start, start + INSERT_CHUNK_ROWS))
      .execute();
    for (const row of rows) found.set(row.match_key as MatchKey, row.lead_id);
  }
  return found;
}

/**
 * Claims match keys for leads. Returns the keys that were already taken by a concurrent
 * capture (possible on PostgreSQL only), so the caller can retry and merge instead.
 */
export async function claimMatchKeys(db: Executor, claims: { matchKey: MatchKey; leadId: string }[]): Promise<MatchKey[]> {
  const taken: MatchKey[] = [];
  for (let start = 0; start < claims.length; start += INSERT_CHUNK_ROWS) {
    const chunk = claims.slice(start, start + INSERT_CHUNK_ROWS);
    const inserted = await db
      .insertInto("lead_match_keys")
      .values(chunk.map((c) => ({ match_key: c.matchKey, lead_id: c.leadId })))
      .onConflict((oc) => oc.column("match_key").doNothing())
      .returning("match_key")
      .execute();
    const insertedKeys = new Set(inserted.map((r) => r.match_key));
    for (const claim of chunk) if (!insertedKeys.has(claim.matchKey)) taken.push(claim.matchKey);
  }
  return taken;
}

/** Filters for the lead list. Every field is optional; together they narrow (AND). */
export type LeadListFilter = {
  ownerId?: string | null;
  /** Restricts to leads owned by this user: how a rep's visibility is enforced. */
  visibleToOwnerId?: string;
  stage?: string;
  source?: string;
  campaign?: string;
  createdFrom?: number;
  createdTo?: number;
  text?: string;
};

export type LeadSort = "created_desc" | "created_asc";

export type LeadCursor = { createdAt: number; id: string };

/** One page of leads in (created_at, id) order, starting after the cursor. */
export async function listLeads(
  db: Executor,
  filter: LeadListFilter,
  sort: LeadSort,
  limit: number,
  after: LeadCursor | undefined,
): Promise<Lead[]> {
  let query = db.selectFrom("leads").selectAll();
  if (filter.ownerId === null) query = query.where("owner_id", "is", null);
  else if (filter.ownerId !== undefined) query = query.where("owner_id", "=", filter.ownerId);
  if (filter.visibleToOwnerId !== undefined) query = query.where("owner_id", "=", filter.visibleToOwnerId);
  if (filter.stage !== undefined) query = query.where("stage", "=", filter.stage);
  if (filter.source !== undefined) query = query.where("source", "=", filter.source);
  if (filter.campaign !== undefined) query = query.where("campaign", "=", filter.campaign);
  if (filter.createdFrom !== undefined) query = query.where("created_at", ">=", filter.createdFrom);
  if (filter.createdTo !== undefined) query = query.where("created_at", "<", filter.createdTo);
  if (filter.text !== undefined) query = query.where(containsText("search_text", filter.text));
  const isDescending = sort === "created_desc";
  if (after) {
    const op = isDescending ? "<" : ">";
    query = query.where((eb) =>
      eb.or([eb("created_at", op, after.createdAt), eb.and([eb("created_at", "=", after.createdAt), eb("id", op, after.id)])]),
    );
  }
  const direction = isDescending ? "desc" : "asc";
  const rows = await query.orderBy("created_at", direction).orderBy("id", direction).limit(limit).execute();
  return rows.map(leadRowToLead);
}

/** How many leads there are (used by tests and the demo). */
export async function countLeads(db: Executor): Promise<number> {
  const row = await db.selectFrom("leads").select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  return Number(row.count);
}
