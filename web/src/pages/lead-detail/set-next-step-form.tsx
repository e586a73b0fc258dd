import { type FormEvent, useId, useState } from "react";
import type { NextStep } from "../../api/lead-pipeline.js";
import { setNextStep } from "../../api/next-steps.js";
import type { TeamMember } from "../../api/users.js";
import { FormActions } from "../../components/form-actions.js";
import { FormAlert } from "../../components/form-alert.js";
import { type FormProblem, formProblemOf, NO_PROBLEM } from "../../components/form-problem.js";
import { localTimeOf } from "../../format/zoned-time.js";
import { NextStepFields } from "./next-step-fields.js";
import { nextStepFieldsOf, nextStepInputOf } from "./next-step-words.js";

const FIELDS = ["action", "dueAt", "ownerId"] as const;

type SetNextStepFormProps = { leadId: string; current: NextStep | null; team: TeamMember[]; timeZone: string; onSaved: () => void; onCancel: () => void };

/** Sets the next step, or reschedules the current one (its fields filled in). */
export function SetNextStepForm({ leadId, current, team, timeZone, onSaved, onCancel }: SetNextStepFormProps) {
  const id = useId();
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [isSaving, setIsSaving] = useState(false);
  const defaults = current ? { action: current.action, due: localTimeOf(current.dueAt, timeZone), ownerId: current.ownerId ?? "" } : undefined;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reading = nextStepInputOf(nextStepFieldsOf(new FormData(event.currentTarget)), timeZone);
    if (!("input" in reading)) return setProblem({ fieldErrors: { [reading.field]: reading.message }, message: null });
    setIsSaving(true);
    try {
      await setNextStep(leadId, reading.input);
      onSaved();
    } catch (error) {
      setProblem(formProblemOf(error, FIELDS));
      setIsSaving(false);
    }
  }

  return (
    <form className="next-step-form" onSubmit={handleSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`} className="panel-subtitle">
        {current ? "Reschedule the next step" : "Set the next step"}
      </h3>
      <FormAlert message={problem.message} />
      <NextStepFields team={team} problem={problem} defaults={defaults} />
      <FormActions label={current ? "Save new time" : "Set next step"} isSaving={isSaving} onCancel={onCancel} />
    </form>
  );
}
