import type { LeadSequence } from "../../api/lead-sequence.js";
import type { TeamMember } from "../../api/users.js";
import { formatDateTime } from "../../format/format-time.js";
import { CHANNEL_NAMES } from "../sequences/sequence-words.js";
import { enrolmentStateText, MESSAGE_STATUS_LABELS } from "./follow-up-words.js";
import { personLabel } from "./event-labels.js";

type FollowUpHistoryProps = { sequence: LeadSequence; team: TeamMember[]; timeZone: string };

/** What the lead's sequences did: earlier enrolments and why they ended, the emails with their status, and the tasks. */
export function FollowUpHistory({ sequence, team, timeZone }: FollowUpHistoryProps) {
  const ended = sequence.history.filter((enrolment) => enrolment.id !== sequence.live?.id);
  return (
    <>
      {ended.length > 0 && (
        <div>
          <h3 className="panel-subtitle">Earlier sequences</h3>
          <ul className="plain-list" aria-label="Earlier sequences, newest first">
            {ended.map((enrolment) => (
              <li key={enrolment.id}>
                <strong>{enrolment.sequenceName}</strong> · {enrolmentStateText(enrolment, timeZone)}{" "}
                <span className="muted small">
                  {formatDateTime(enrolment.enrolledAt, timeZone)}
                  {enrolment.endedAt && ` – ${formatDateTime(enrolment.endedAt, timeZone)}`}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {sequence.messages.length > 0 && (
        <div>
          <h3 className="panel-subtitle">Emails</h3>
          <ul className="plain-list" aria-label="Sequence emails, newest first">
            {sequence.messages.map((message) => (
              <li key={message.id}>
                <span className={`badge badge-message-${message.status}`}>{MESSAGE_STATUS_LABELS[message.status]}</span> Step {message.stepIndex + 1}: “{message.subject}” to {message.toAddress}{" "}
                <span className="muted small">{formatDateTime(message.sentAt ?? message.queuedAt, timeZone)}</span>
                {message.statusDetail && <div className="muted small">{message.statusDetail}</div>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {sequence.tasks.length > 0 && (
        <div>
          <h3 className="panel-subtitle">Tasks</h3>
          <ul className="plain-list" aria-label="Sequence tasks, newest first">
            {sequence.tasks.map((task) => (
              <li key={task.id}>
                <strong>{CHANNEL_NAMES[task.channel]}</strong>: {task.instructions}{" "}
                <span className="muted small">
                  {task.doneAt ? `done ${formatDateTime(task.doneAt, timeZone)}${task.doneBy ? ` by ${personLabel(task.doneBy, team)}` : ""}` : `due ${formatDateTime(task.dueAt, timeZone)}`}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
