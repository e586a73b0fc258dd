import { DomainError, invalidField } from "../../domain/errors.js";
import type { Actor } from "../../domain/lead/lead-event.js";
import { appendEvents } from "../../store/events.js";
import { findLeadById } from "../../store/leads.js";
import type { ServiceContext } from "../context.js";

/** What a lead did on the website: viewed a page, or engaged with content (a download, a video, a long read). */
export type ActivityKind = "page_view" | "content";

export const ACTIVITY_KINDS: readonly ActivityKind[] = ["page_view", "content"];

/** Longest URL kept: what browsers and analytics tools reliably handle. */
export const ACTIVITY_URL_MAX_LENGTH = 2000;
export const ACTIVITY_TITLE_MAX_LENGTH = 300;

/** A visitor's clock may run a little ahead of ours; such an instant is taken as now. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** Older activity is refused: intent decays by half-life, so a month-old visit would add next to nothing. */
const MAX_AGE_MS = 30 * 24 * 3_600_000;

/** A page view or content engagement to record; `at` defaults to now, `title` to none. */
export type Activity = { leadId: string; kind: ActivityKind; url: string; title?: string | null; at?: number };

function isWebUrl(url: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** The instant to record: never in the future, so no event or rescore waits on a fast clock. */
function instantOf(at: number | undefined, now: number): number {
  if (at === undefined) return now;
  if (at > now + FUTURE_TOLERANCE_MS) throw invalidField("at", "must not be in the future");
  if (at < now - MAX_AGE_MS) throw invalidField("at", "must be within the last 30 days");
  return Math.min(at, now);
}

/**
 * Records a lead's website or content activity as an `activity` event, which also schedules the
 * lead's rescoring (the event store does, in the same transaction). A lead that opted out of
 * email still gets its activity recorded: this is first-party analytics of our own site, not a
 * message to them, and the opt-out only stops what we send.
 */
export async function recordActivity(ctx: ServiceContext, activity: Activity, actor: Actor): Promise<void> {
  const { leadId, kind, url } = activity;
  if (url.length > ACTIVITY_URL_MAX_LENGTH || !isWebUrl(url)) throw invalidField("url", `must be an absolute http(s) URL of at most ${ACTIVITY_URL_MAX_LENGTH} characters`);
  const title = activity.title?.trim() || null;
  if (title !== null && title.length > ACTIVITY_TITLE_MAX_LENGTH) throw invalidField("title", `must be at most ${ACTIVITY_TITLE_MAX_LENGTH} characters`);
  const at = instantOf(activity.at, ctx.clock.now());
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await findLeadById(trx, leadId))) throw new DomainError("not_found", { field: "id", message: `id: no lead ${leadId}` });
    await appendEvents(trx, [{ leadId, type: "activity", actor, at, data: { kind, url, title } }]);
  });
}
