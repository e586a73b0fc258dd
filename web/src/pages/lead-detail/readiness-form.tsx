import { type FormEvent, useId, useState } from "react";
import { checkReadiness, type Meeting } from "../../api/meetings.js";
import { FieldError } from "../../components/field-error.js";
import { FormActions } from "../../components/form-actions.js";
import { FormAlert } from "../../components/form-alert.js";
import { formProblemOf, NO_PROBLEM } from "../../components/form-problem.js";
import { READINESS_QUESTIONS, type ReadinessKey } from "./meeting-words.js";

type ReadinessFormProps = { meeting: Meeting; onChecked: () => void };

/**
 * After the first held meeting: did the buyer arrive understanding the problem, the approach,
 * and ready to evaluate? Each "no" is education sales had to do live (belief debt).
 */
export function ReadinessForm({ meeting, onChecked }: ReadinessFormProps) {
  const id = useId();
  const [answers, setAnswers] = useState<Partial<Record<ReadinessKey, boolean>>>({});
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [isSaving, setIsSaving] = useState(false);
  const isComplete = READINESS_QUESTIONS.every(({ key }) => answers[key] !== undefined);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { understandsProblem, understandsApproach, readyToEvaluate } = answers;
    if (understandsProblem === undefined || understandsApproach === undefined || readyToEvaluate === undefined) return;
    const notes = String(new FormData(event.currentTarget).get("notes") ?? "").trim();
    setIsSaving(true);
    try {
      await checkReadiness(meeting.id, { understandsProblem, understandsApproach, readyToEvaluate, ...(notes ? { notes } : {}) });
      onChecked();
    } catch (error) {
      setProblem(formProblemOf(error, ["notes"]));
      setIsSaving(false);
    }
  }

  return (
    <form className="inline-panel readiness-form" onSubmit={handleSubmit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="panel-subtitle">
        Readiness check after the first meeting
      </h3>
      <FormAlert message={problem.message} />
      {READINESS_QUESTIONS.map(({ key, question }) => (
        <fieldset key={key} className="plain-fieldset yes-no">
          <legend>{question}</legend>
          {[true, false].map((value) => (
            <label key={String(value)} className="checkbox">
              <input type="radio" name={`${id}-${key}`} checked={answers[key] === value} onChange={() => setAnswers({ ...answers, [key]: value })} /> {value ? "Yes" : "No"}
            </label>
          ))}
        </fieldset>
      ))}
      <div className="field">
        <label htmlFor={`${id}-notes`}>Notes</label>
        <textarea id={`${id}-notes`} name="notes" rows={2} maxLength={2000} />
        <FieldError message={problem.fieldErrors.notes} />
      </div>
      <FormActions label="Save readiness check" isSaving={isSaving} isBlocked={!isComplete}>
        {!isComplete && <span className="muted small">Answer all three questions.</span>}
      </FormActions>
    </form>
  );
}
