import { createHash } from "node:crypto";
import { DomainError } from "../domain/errors.js";
import { INITIAL_STAGE, type Lead } from "../domain/lead/lead.js";
import type { Actor, NewLeadEvent } from "../domain/lead/lead-event.js";
import type { MatchKey } from "../domain/lead/match-key.js";
import { mergeDuplicate } from "../domain/lead/merge-duplicate.js";
import { type NormalizedLeadInput, normalizeLeadInput } from "../domain/lead/normalize-lead-input.js";
import type { Executor } from "../store/engine.js";
import { appendEvents } from "../store/events.js";
import { findIdempotentResponse, saveIdempotentResponse } from "../store/idempotency-keys.js";
import { claimMatchKeys, findLeadIdsByMatchKeys, insertLeads, lockLeadsByIds, updateLead } from "../store/leads.js";
import { isUniqueViolation } from "../store/unique-violation.js";
import type { ServiceContext } from "./context.js";
import { planAssignments, writeAssignments } from "./routing/write-assignments.js";
import { capturePlaybookPolicies, scoreCapturedLeads } from "./scoring/score-captured-leads.js";
import { loadScoringState } from "./scoring/scoring-state.js";

/** One lead arriving, from the API, a form, an import or the demo. */
export type CaptureRequest = {
  payload: Record<string, unknown>;
  actor: Actor;
  /** Caller's retry key; scoped by actor. A retry with the same key and body replays the result. */
  idempotencyKey?: string | undefined;
};

export type CaptureOutcome = "created" | "merged";

export type CaptureResult =
  | { ok: true; outcome: CaptureOutcome; leadId: string; isReplay: boolean }
  | { ok: false; error: DomainError };

export type CaptureOptions = {
  /**
   * Whether new leads start a speed-to-lead SLA clock and notify their owner (default true).
   * A bulk import of old leads routes them but must not page anyone for each row.
   */
  isSpeedToLead?: boolean;
};

/** Thrown inside the transaction when a concurrent capture claimed a match key first. */
class MatchKeyRace extends Error {}

/** Attempts before a capture that keeps losing races gives up (each retry sees the winner's keys and merges). */
const MAX_ATTEMPTS = 4;

/** Captures one lead. Validation errors throw; see `captureLeads`. */
export async function captureLead(ctx: ServiceContext, request: CaptureRequest): Promise<Extract<CaptureResult, { ok: true }>> {
  const [result] = await captureLeads(ctx, [request]);
  if (!result?.ok) throw result?.error ?? new Error("capture returned no result");
  return result;
}

/**
 * Captures leads in one transaction: validates and normalises each, de-duplicates by email and
 * phone (against stored leads and earlier items of the same call), merges duplicates, appends
 * `created` / `merged_duplicate` events and honours idempotency keys. Invalid items get an
 * error result and do not stop the others. One transaction for many leads is what makes bulk
 * import and grouped HTTP commits fast.
 */
export async function captureLeads(ctx: ServiceContext, requests: CaptureRequest[], options: CaptureOptions = {}): Promise<CaptureResult[]> {
  const results: CaptureResult[] = new Array(requests.length);
  const valid: { index: number; request: CaptureRequest; input: NormalizedLeadInput; requestHash: string }[] = [];
  requests.forEach((request, index) => {
    try {
      const input = normalizeLeadInput(request.payload, { defaultPhoneRegion: ctx.defaultPhoneRegion });
      // Hashing is only needed to compare an idempotent retry with the first request.
      valid.push({ index, request, input, requestHash: request.idempotencyKey === undefined ? "" : hashPayload(request.payload) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results[index] = { ok: false, error };
    }
  });
  if (valid.length === 0) return results;
  for (let attempt = 1; ; attempt++) {
    try {
      const written = await ctx.db.transaction().execute((trx) => writeCaptures(ctx, trx, valid, options.isSpeedToLead ?? true));
      valid.forEach((item, i) => (results[item.index] = written[i]!));
      return results;
    } catch (error) {
      const isRace = error instanceof MatchKeyRace || isUniqueViolation(error);
      if (!isRace || attempt >= MAX_ATTEMPTS) throw error;
      ctx.log.debug({ attempt }, "capture lost a race for a match key; retrying as a merge");
    }
  }
}

type ValidCapture = { request: CaptureRequest; input: NormalizedLeadInput; requestHash: string };

async function writeCaptures(ctx: ServiceContext, trx: Executor, items: ValidCapture[], isSpeedToLead: boolean): Promise<CaptureResult[]> {
  const now = ctx.clock.now();
  const keyOwners = await findLeadIdsByMatchKeys(trx, [...new Set(items.flatMap((item) => item.input.matchKeys))]);
  const leads = new Map((await lockLeadsByIds(trx, [...new Set(keyOwners.values())])).map((lead) => [lead.id, lead]));
  const created: Lead[] = [];
  const changed = new Set<string>();
  const claims: { matchKey: MatchKey; leadId: string }[] = [];
  const events: NewLeadEvent[] = [];
  const replays = new Map<string, CaptureResult>();
  const results: CaptureResult[] = [];

  for (const { request, input, requestHash } of items) {
    const scopedKey = request.idempotencyKey === undefined ? undefined : `${request.actor}:${request.idempotencyKey}`;
    const replay = scopedKey === undefined ? undefined : await replayOf(trx, scopedKey, requestHash, replays);
    if (replay) {
      results.push(replay);
      continue;
    }
    const matchedIds = input.matchKeys.map((key) => keyOwners.get(key)).filter((id): id is string => id !== undefined);
    const target = matchedIds.length > 0 ? leads.get(matchedIds[0]!) : undefined;
    let result: CaptureResult;
    if (target) {
      const merge = mergeDuplicate(target, input.fields, input.custom);
      if (merge.changedFields.length > 0) {
        Object.assign(target, merge.filled, { utm: merge.utm, custom: merge.custom, updatedAt: now });
        changed.add(target.id);
      }
      const matchedBy = input.matchKeys.filter((key) => keyOwners.get(key) === target.id).map((key) => key.split(":")[0]);
      const otherLeadIds = [...new Set(matchedIds.filter((id) => id !== target.id))];
      events.push({
        leadId: target.id,
        type: "merged_duplicate",
        actor: request.actor,
        at: now,
        data: { payload: request.payload, matchedBy, changedFields: merge.changedFields, ...(otherLeadIds.length ? { alsoMatchedLeadIds: otherLeadIds } : {}) },
      });
      result = { ok: true, outcome: "merged", leadId: target.id, isReplay: false };
    } else {
      const lead = newLead(ctx.ids("lead"), input, now);
      created.push(lead);
      leads.set(lead.id, lead);
      events.push({ leadId: lead.id, type: "created", actor: request.actor, at: now, data: { payload: request.payload } });
      result = { ok: true, outcome: "created", leadId: lead.id, isReplay: false };
    }
    const ownerId = result.leadId;
    for (const key of input.matchKeys) {
      if (!keyOwners.has(key)) {
        keyOwners.set(key, ownerId);
        claims.push({ matchKey: key, leadId: ownerId });
      }
    }
    if (scopedKey !== undefined) {
      replays.set(scopedKey, { ...result, isReplay: true });
      await saveIdempotentResponse(trx, scopedKey, { requestHash, statusCode: result.outcome === "created" ? 201 : 200, response: { outcome: result.outcome, leadId: result.leadId } }, now);
    }
    results.push(result);
  }

  const scoring = await loadScoringState(trx);
  const playbookPolicies = isSpeedToLead ? capturePlaybookPolicies(scoring, created, events, now) : new Map<string, string>();
  const assignment = await planAssignments(trx, created, now, isSpeedToLead, playbookPolicies);
  await insertLeads(trx, created);
  if ((await claimMatchKeys(trx, claims)).length > 0) throw new MatchKeyRace();
  for (const id of changed) await updateLead(trx, leads.get(id)!);
  await appendEvents(trx, [...events, ...assignment.events]);
  const createdIds = new Set(created.map((lead) => lead.id));
  const mergedIds = [...new Set(results.flatMap((result) => (result.ok && result.outcome === "merged" && !result.isReplay && !createdIds.has(result.leadId) ? [result.leadId] : [])))];
  await scoreCapturedLeads(trx, ctx, scoring, { created, mergedIds, events, isSpeedToLead, now });
  await writeAssignments(trx, ctx, created, assignment, now);
  return results;
}

async function replayOf(trx: Executor, scopedKey: string, requestHash: string, inThisCall: Map<string, CaptureResult>): Promise<CaptureResult | undefined> {
  const earlier = inThisCall.get(scopedKey);
  if (earlier) return earlier;
  const stored = await findIdempotentResponse(trx, scopedKey);
  if (!stored) return undefined;
  if (stored.requestHash !== requestHash) {
    return {
      ok: false,
      error: new DomainError("conflict", { field: "Idempotency-Key", message: "Idempotency-Key: this key was already used with a different request body" }),
    };
  }
  const response = stored.response as { outcome: CaptureOutcome; leadId: string };
  return { ok: true, outcome: response.outcome, leadId: response.leadId, isReplay: true };
}

function newLead(id: string, input: NormalizedLeadInput, now: number): Lead {
  return { id, ...input.fields, custom: input.custom, ownerId: null, stage: INITIAL_STAGE, isOptedOut: false, createdAt: now, updatedAt: now };
}

function hashPayload(payload: Record<string, unknown>): string {
  return createHash("sha256").update(JSON.stringify(payload)).digest("hex");
}
