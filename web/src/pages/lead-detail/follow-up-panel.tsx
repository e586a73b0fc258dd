import { useId, useState } from "react";
import { changeEnrolment, getLeadSequence, type LeadSequence } from "../../api/lead-sequence.js";
import type { Lead } from "../../api/leads.js";
import type { TeamMember } from "../../api/users.js";
import { FormAlert } from "../../components/form-alert.js";
import { problemMessageOf } from "../../components/form-problem.js";
import { useResource } from "../../hooks/use-resource.js";
import { EnrolForm } from "./enrol-form.js";
import { FollowUpHistory } from "./follow-up-history.js";
import { leadTimeZoneOf } from "./follow-up-words.js";
import { LiveEnrolment } from "./live-enrolment.js";

type FollowUpPanelProps = { lead: Lead; revision: string; team: TeamMember[]; timeZone: string; onChanged: () => void };

type Action = "pause" | "resume" | "stop";

/** The lead's follow-up sequence: where it stands and when it sends next, its history, and enrol, pause, resume and stop. */
export function FollowUpPanel({ lead, revision, team, timeZone, onChanged }: FollowUpPanelProps) {
  const id = useId();
  const sequence = useResource(`${lead.id}@${revision}`, (signal) => getLeadSequence(lead.id, signal));
  const [actionError, setActionError] = useState<string | null>(null);
  const [pending, setPending] = useState<Action | null>(null);
  const live = sequence.data?.live ?? null;

  function handleChanged(next: LeadSequence) {
    sequence.update(() => next);
    setActionError(null);
    // The change appended events: the timeline and the other sections catch up.
    onChanged();
  }

  async function handleAction(action: Action) {
    if (action === "stop" && !window.confirm(`Stop “${live?.sequenceName}” for this lead? It cannot be resumed; enrol again to start over.`)) return;
    setPending(action);
    try {
      handleChanged(await changeEnrolment(lead.id, action));
    } catch (error) {
      setActionError(problemMessageOf(error));
    } finally {
      setPending(null);
    }
  }

  return (
    <section className="panel follow-up-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Follow-up</h2>
      <FormAlert message={sequence.error ?? actionError} />
      {sequence.data && !live && <p className="muted">Not in a sequence.</p>}
      {live && <LiveEnrolment enrolment={live} viewerTimeZone={timeZone} leadTimeZone={leadTimeZoneOf(lead, team)} />}
      {live && (
        <div className="form-actions">
          {live.status === "active" && (
            <button type="button" className="button-quiet" disabled={pending !== null} onClick={() => handleAction("pause")}>
              {pending === "pause" ? "Pausing…" : "Pause"}
            </button>
          )}
          {live.status === "paused" && (
            <button type="button" className="button-quiet" disabled={pending !== null} onClick={() => handleAction("resume")}>
              {pending === "resume" ? "Resuming…" : "Resume"}
            </button>
          )}
          <button type="button" className="button-quiet" disabled={pending !== null} onClick={() => handleAction("stop")}>
            {pending === "stop" ? "Stopping…" : "Stop"}
          </button>
        </div>
      )}
      {sequence.data && <EnrolForm leadId={lead.id} isInSequence={live !== null} onEnrolled={handleChanged} />}
      {sequence.data && <FollowUpHistory sequence={sequence.data} team={team} timeZone={timeZone} />}
    </section>
  );
}
