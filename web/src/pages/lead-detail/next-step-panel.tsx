import { useId, useState } from "react";
import type { NextStep } from "../../api/lead-pipeline.js";
import type { TeamMember } from "../../api/users.js";
import { formatDateTime, formatRelative } from "../../format/format-time.js";
import { useNow } from "../../hooks/use-now.js";
import { ownerName } from "../../hooks/use-team.js";
import { CompleteNextStepForm } from "./complete-next-step-form.js";
import { nextStepStatusOf } from "./next-step-words.js";
import { SetNextStepForm } from "./set-next-step-form.js";

type NextStepPanelProps = {
  leadId: string;
  nextStep: NextStep | null;
  /** The workspace's grace after the due time, after which the step reads overdue. */
  overdueAfterMinutes: number;
  isOpen: boolean;
  isNew: boolean;
  team: TeamMember[];
  timeZone: string;
  onChanged: () => void;
};

type Mode = "view" | "set" | "done";

/** The lead's next step (action, due, owner), with forms to set, reschedule or finish it. */
export function NextStepPanel({ leadId, nextStep, overdueAfterMinutes, isOpen, isNew, team, timeZone, onChanged }: NextStepPanelProps) {
  const id = useId();
  const [mode, setMode] = useState<Mode>("view");

  function handleSaved() {
    setMode("view");
    onChanged();
  }

  const forms = { leadId, team, timeZone, onSaved: handleSaved, onCancel: () => setMode("view") };
  return (
    <section className="panel next-step-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Next step</h2>
      {nextStep ? <CurrentNextStep step={nextStep} overdueAfterMinutes={overdueAfterMinutes} team={team} timeZone={timeZone} /> : <NoNextStep isOpen={isOpen} isNew={isNew} />}
      {isOpen && mode === "view" && (
        <div className="form-actions">
          <button type="button" onClick={() => setMode("set")}>
            {nextStep ? "Reschedule" : "Set next step"}
          </button>
          {nextStep && (
            <button type="button" className="button-quiet" onClick={() => setMode("done")}>
              Done
            </button>
          )}
        </div>
      )}
      {isOpen && mode === "set" && <SetNextStepForm {...forms} current={nextStep} />}
      {isOpen && mode === "done" && nextStep && <CompleteNextStepForm {...forms} />}
    </section>
  );
}

function CurrentNextStep({ step, overdueAfterMinutes, team, timeZone }: { step: NextStep; overdueAfterMinutes: number; team: TeamMember[]; timeZone: string }) {
  const now = useNow();
  const { tone, text } = nextStepStatusOf(step, now, overdueAfterMinutes);
  const due = step.dueAt;
  return (
    <div className={`next-step next-step-${tone}`}>
      <p className="next-step-action-text">{step.action}</p>
      <p>
        <span className={`badge badge-step-${tone}`}>
          {tone === "overdue" && <span aria-hidden="true">⚠ </span>}
          {text}
        </span>{" "}
        Due <time dateTime={due}>{formatDateTime(due, timeZone)}</time> <span className="muted">({formatRelative(due, now)})</span> · Owner:{" "}
        <strong>{ownerName(team, step.ownerId)}</strong>
      </p>
    </div>
  );
}

function NoNextStep({ isOpen, isNew }: { isOpen: boolean; isNew: boolean }) {
  if (!isOpen) return <p className="muted">Closed: no next step needed.</p>;
  // Past the first stage every open lead needs one; a new lead is only reminded.
  return <p className={isNew ? "muted" : "missing-next-step"}>{isNew ? "No next step yet." : "⚠ No next step: say what happens next, when, and who does it."}</p>;
}
