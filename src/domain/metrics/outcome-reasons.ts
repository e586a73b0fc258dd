import type { OutcomeReason } from "../pipeline/pipeline-config.js";

/** An event from the log, as the reasons report reads it. */
export type OutcomeEvent = { id: number; leadId: string; type: string; at: number; data: Record<string, unknown> };

/** How many leads ended with one reason, for one source and campaign (as they were when the lead closed). */
export type ReasonCount = { source: string | null; campaign: string | null; reason: string; label: string; count: number };

export type OutcomeReasonReport = { disqualified: ReasonCount[]; lost: ReasonCount[] };

/** Half-open: `from` ≤ at < `to`, epoch ms. */
export type TimeRange = { from: number; to: number };

type CountedOutcome = keyof OutcomeReasonReport;

/** The event types that decide where a lead ended: closings, and what reopens a closed lead. */
export const OUTCOME_STATE_EVENT_TYPES: readonly string[] = ["disqualified", "lost", "won", "requalified", "stage_changed"];

const CLOSED_MILESTONES = new Set(["won", "lost"]);

/**
 * What an event says about where the lead stands: a counted closing, another closing (won), a
 * reopening, or nothing. A `stage_changed` into won/lost says nothing: its `won`/`lost` event
 * does; into an open stage it reopens a lost lead.
 */
function outcomeOf(event: OutcomeEvent): CountedOutcome | "won" | "open" | undefined {
  switch (event.type) {
    case "disqualified":
    case "lost":
    case "won":
      return event.type;
    case "requalified":
      return "open";
    case "stage_changed":
      return CLOSED_MILESTONES.has(String(event.data.toMilestone)) ? undefined : "open";
    default:
      return undefined;
  }
}

const textOrNull = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** Each lead's last event in the range that says where it stands, in log order (time, then id). */
function latestOutcomeEvents(events: readonly OutcomeEvent[], range: TimeRange): Map<string, OutcomeEvent> {
  const inOrder = events.filter((e) => e.at >= range.from && e.at < range.to && outcomeOf(e) !== undefined).sort((a, b) => a.at - b.at || a.id - b.id);
  return new Map(inOrder.map((event) => [event.leadId, event]));
}

const compareText = (a: string | null, b: string | null) => ((a ?? "") < (b ?? "") ? -1 : (a ?? "") > (b ?? "") ? 1 : 0);

function byCountThenNames(a: ReasonCount, b: ReasonCount): number {
  return b.count - a.count || compareText(a.source, b.source) || compareText(a.campaign, b.campaign) || compareText(a.reason, b.reason);
}

/**
 * Disqualification and lost reasons per source and campaign over a range, from the event log.
 * Each lead counts once, as its latest outcome in the range: lost, then reopened and
 * disqualified counts as disqualified; disqualified, then requalified (or lost, then reopened or
 * won) is not counted at all. Labels come from the configured lists, else from the event (a
 * reason since removed keeps the label it was recorded with).
 */
export function outcomeReasonCounts(events: readonly OutcomeEvent[], range: TimeRange, reasons: { disqualified: readonly OutcomeReason[]; lost: readonly OutcomeReason[] }): OutcomeReasonReport {
  const counts = new Map<string, ReasonCount & { outcome: CountedOutcome }>();
  for (const event of latestOutcomeEvents(events, range).values()) {
    const outcome = outcomeOf(event);
    if (outcome !== "disqualified" && outcome !== "lost") continue;
    const reason = String(event.data.reason);
    const source = textOrNull(event.data.source);
    const campaign = textOrNull(event.data.campaign);
    const key = JSON.stringify([outcome, source, campaign, reason]);
    const label = reasons[outcome].find((r) => r.key === reason)?.label ?? textOrNull(event.data.reasonLabel) ?? reason;
    const counted = counts.get(key) ?? { outcome, source, campaign, reason, label, count: 0 };
    counts.set(key, { ...counted, count: counted.count + 1 });
  }
  const report: OutcomeReasonReport = { disqualified: [], lost: [] };
  for (const { outcome, ...count } of counts.values()) report[outcome].push(count);
  report.disqualified.sort(byCountThenNames);
  report.lost.sort(byCountThenNames);
  return report;
}
