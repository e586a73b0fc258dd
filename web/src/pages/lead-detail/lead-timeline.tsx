import type { TimelineEvent } from "../../api/leads.js";
import type { PipelineConfig } from "../../api/pipeline.js";
import type { TeamMember } from "../../api/users.js";
import { formatDateTime, formatRelative } from "../../format/format-time.js";
import { actorLabel, eventName } from "./event-labels.js";
import { eventSummary, type SummaryContext } from "./event-summary.js";

/** `pipeline` names stages, checklist items and criteria in pipeline events; without it their keys read as words. */
type LeadTimelineProps = { events: TimelineEvent[]; team: TeamMember[]; timeZone: string; pipeline?: PipelineConfig | null };

/** Everything that happened to the lead, newest first. */
export function LeadTimeline({ events, team, timeZone, pipeline = null }: LeadTimelineProps) {
  const newestFirst = [...events].sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.id - a.id);
  const now = Date.now();
  return (
    <ol className="timeline" aria-label="Timeline, newest first">
      {newestFirst.map((event) => (
        <TimelineEntry key={event.id} event={event} context={{ team, timeZone, pipeline }} now={now} />
      ))}
    </ol>
  );
}

function TimelineEntry({ event, context, now }: { event: TimelineEvent; context: SummaryContext; now: number }) {
  const { team, timeZone } = context;
  const summary = eventSummary(event.type, event.data, context);
  const { payload, ...rest } = event.data;
  const hasDetails = Object.keys(rest).length > 0;
  return (
    <li className={`timeline-entry event-${event.type}`}>
      <div className="timeline-head">
        <strong>{eventName(event.type)}</strong>
        <span className="muted">by {actorLabel(event.actor, team)}</span>
        <time dateTime={event.at}>
          {formatDateTime(event.at, timeZone)} <span className="muted">({formatRelative(event.at, now)})</span>
        </time>
      </div>
      {summary && <p>{summary}</p>}
      {payload !== undefined && <JsonDetails summary="Captured payload" value={payload} />}
      {payload === undefined && hasDetails && <JsonDetails summary="Details" value={rest} />}
    </li>
  );
}

function JsonDetails({ summary, value }: { summary: string; value: unknown }) {
  return (
    <details>
      <summary>{summary}</summary>
      <pre>{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}
