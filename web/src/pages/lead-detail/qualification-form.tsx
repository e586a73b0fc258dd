import { type FormEvent, useId, useState } from "react";
import { answerQualification, type Qualification } from "../../api/qualification.js";
import type { TeamMember } from "../../api/users.js";
import { FieldError } from "../../components/field-error.js";
import { FormActions } from "../../components/form-actions.js";
import { FormAlert } from "../../components/form-alert.js";
import { formProblemOf, NO_PROBLEM } from "../../components/form-problem.js";
import { CriterionRow } from "./criterion-row.js";
import { draftOf, qualificationChangeOf } from "./qualification-words.js";

type QualificationFormProps = { leadId: string; qualification: Qualification; team: TeamMember[]; timeZone: string; onSaved: (next: Qualification) => void };

/** The criteria and the cost of inaction as one form; saving sends only what changed. */
export function QualificationForm({ leadId, qualification, team, timeZone, onSaved }: QualificationFormProps) {
  const id = useId();
  const [draft, setDraft] = useState(() => draftOf(qualification));
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [isSaving, setIsSaving] = useState(false);
  const change = qualificationChangeOf(qualification, draft);
  const isDisqualified = qualification.disqualification !== null;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!change) return;
    setIsSaving(true);
    try {
      onSaved(await answerQualification(leadId, change));
    } catch (error) {
      setProblem(formProblemOf(error, ["costOfInaction"]));
      setIsSaving(false);
    }
  }

  return (
    <form onSubmit={handleSubmit} aria-label="Qualification answers">
      <FormAlert message={problem.message} />
      <fieldset className="plain-fieldset" disabled={isDisqualified}>
        <div className="criteria">
          {qualification.answers.map((row) => (
            <CriterionRow
              key={row.criterion}
              row={row}
              value={draft.answers[row.criterion] ?? { answer: null, notes: "" }}
              team={team}
              timeZone={timeZone}
              onChange={(value) => setDraft({ ...draft, answers: { ...draft.answers, [row.criterion]: value } })}
            />
          ))}
        </div>
        <div className="field">
          <label htmlFor={`${id}-cost`}>Cost of inaction (why now)</label>
          <textarea
            id={`${id}-cost`}
            rows={2}
            maxLength={2000}
            value={draft.costOfInaction}
            placeholder="What does waiting cost the buyer, in their words?"
            onChange={(event) => setDraft({ ...draft, costOfInaction: event.target.value })}
          />
          <FieldError message={problem.fieldErrors.costOfInaction} />
        </div>
        <FormActions label="Save qualification" isSaving={isSaving} isBlocked={change === null}>
          {change === null && <span className="muted small">No unsaved changes.</span>}
        </FormActions>
      </fieldset>
    </form>
  );
}
