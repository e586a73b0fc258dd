import { useState } from "react";
import { type Meeting, type MeetingStatus, recordMeetingOutcome } from "../../api/meetings.js";
import { problemMessageOf } from "../../components/form-problem.js";
import { formatDateTime } from "../../format/format-time.js";
import { MEETING_STATUS_LABELS, providerLabel, readinessSummary } from "./meeting-words.js";

type MeetingItemProps = { meeting: Meeting; timeZone: string; onChanged: () => void };

const OUTCOMES: { status: Exclude<MeetingStatus, "booked">; label: string }[] = [
  { status: "held", label: "Held" },
  { status: "no_show", label: "No-show" },
  { status: "canceled", label: "Canceled" },
];

/** One meeting: when, what, how it went; a booked one offers held / no-show / canceled. */
export function MeetingItem({ meeting, timeZone, onChanged }: MeetingItemProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const title = meeting.title || "Meeting";
  const provider = providerLabel(meeting.provider);

  async function handleOutcome(status: Exclude<MeetingStatus, "booked">) {
    setProblem(null);
    setIsSaving(true);
    try {
      await recordMeetingOutcome(meeting.id, { status });
      onChanged();
    } catch (error) {
      setProblem(problemMessageOf(error));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <li className={`meeting meeting-${meeting.status}`}>
      <div className="meeting-head">
        <strong>{title}</strong>
        <span className={`badge badge-meeting-${meeting.status}`}>{MEETING_STATUS_LABELS[meeting.status]}</span>
        {meeting.isFirst && <span className="badge">First meeting</span>}
        <span className="muted small">
          {formatDateTime(meeting.startsAt, timeZone)}
          {provider ? ` · via ${provider}` : ""}
        </span>
      </div>
      {meeting.readiness && (
        <p className="small">
          {readinessSummary(meeting.readiness)}
          {meeting.readiness.notes ? ` ${meeting.readiness.notes}` : ""}
        </p>
      )}
      {meeting.status === "booked" && (
        <div className="form-actions" role="group" aria-label={`How did “${title}” go?`}>
          {OUTCOMES.map(({ status, label }) => (
            <button key={status} type="button" className="button-quiet small-button" disabled={isSaving} onClick={() => handleOutcome(status)}>
              {label}
            </button>
          ))}
        </div>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}
