import { type FormEvent, useId, useState } from "react";
import { completeNextStep, type NextStepInput } from "../../api/next-steps.js";
import type { TeamMember } from "../../api/users.js";
import { FieldError } from "../../components/field-error.js";
import { FormActions } from "../../components/form-actions.js";
import { FormAlert } from "../../components/form-alert.js";
import { type FormProblem, formProblemOf, NO_PROBLEM } from "../../components/form-problem.js";
import { NextStepFields } from "./next-step-fields.js";
import { nextStepFieldsOf, nextStepInputOf } from "./next-step-words.js";

const FIELDS = ["outcome", "action", "dueAt", "ownerId"] as const;

type CompleteNextStepFormProps = { leadId: string; team: TeamMember[]; timeZone: string; onSaved: () => void; onCancel: () => void };

/** The request "Done" makes: what came of it and the following step, which is optional (left blank, nothing follows). */
export function completionOf(form: FormData, timeZone: string): { done: { outcome?: string; next?: NextStepInput } } | { field: "action" | "dueAt"; message: string } {
  const outcome = String(form.get("outcome") ?? "").trim();
  const fields = nextStepFieldsOf(form, "next.");
  const done = outcome ? { outcome } : {};
  if (!fields.action.trim() && !fields.due) return { done };
  const reading = nextStepInputOf(fields, timeZone);
  return "input" in reading ? { done: { ...done, next: reading.input } } : reading;
}

/** Marks the next step done, with what came of it and the step that follows. */
export function CompleteNextStepForm({ leadId, team, timeZone, onSaved, onCancel }: CompleteNextStepFormProps) {
  const id = useId();
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [isSaving, setIsSaving] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reading = completionOf(new FormData(event.currentTarget), timeZone);
    if (!("done" in reading)) return setProblem({ fieldErrors: { [reading.field]: reading.message }, message: null });
    setIsSaving(true);
    try {
      await completeNextStep(leadId, reading.done);
      onSaved();
    } catch (error) {
      setProblem(formProblemOf(error, FIELDS));
      setIsSaving(false);
    }
  }

  return (
    <form className="next-step-form" onSubmit={handleSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`} className="panel-subtitle">
        Mark the next step done
      </h3>
      <FormAlert message={problem.message} />
      <div className="field">
        <label htmlFor={`${id}-outcome`}>What came of it (optional)</label>
        <input id={`${id}-outcome`} name="outcome" maxLength={500} />
        <FieldError message={problem.fieldErrors.outcome} />
      </div>
      <p className="muted small">Then: the step that follows. Leave it blank if nothing does yet.</p>
      <NextStepFields team={team} problem={problem} prefix="next." isRequired={false} />
      <FormActions label="Mark done" isSaving={isSaving} onCancel={onCancel} />
    </form>
  );
}
