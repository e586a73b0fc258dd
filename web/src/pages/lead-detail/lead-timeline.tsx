import type { TimelineEvent } from "../../api/leads.js";
import type { TeamMember } from "../../api/users.js";
import { formatDateTime, formatRelative } from "../../format/format-time.js";
import { actorLabel, eventName } from "./event-labels.js";
import { eventSummary } from "./event-summary.js";

type LeadTimelineProps = { events: TimelineEvent[]; team: TeamMember[]; timeZone: string };

/** Everything that happened to the lead, newest first. */
export function LeadTimeline({ events, team, timeZone }: LeadTimelineProps) {
  const newestFirst = [...events].sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.id - a.id);
  const now = Date.now();
  return (
    <ol className="timeline" aria-label="Timeline, newest first">
      {newestFirst.map((event) => (
        <TimelineEntry key={event.id} event={event} team={team} timeZone={timeZone} now={now} />
      ))}
    </ol>
  );
}

function TimelineEntry({ event, team, timeZone, now }: { event: TimelineEvent; team: TeamMember[]; timeZone: string; now: number }) {
  const summary = eventSummary(event.type, event.data, { team, timeZone });
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
