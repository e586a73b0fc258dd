import { type FormEvent, useId, useState } from "react";
import { enrolLead, type LeadSequence } from "../../api/lead-sequence.js";
import { listSequences } from "../../api/sequences.js";
import { FieldError } from "../../components/field-error.js";
import { FormActions } from "../../components/form-actions.js";
import { FormAlert } from "../../components/form-alert.js";
import { formProblemOf, NO_PROBLEM } from "../../components/form-problem.js";
import { useResource } from "../../hooks/use-resource.js";

type EnrolFormProps = { leadId: string; isInSequence: boolean; onEnrolled: (next: LeadSequence) => void };

/** Puts the lead into a sequence; one it is in already stops first (moved to another sequence). */
export function EnrolForm({ leadId, isInSequence, onEnrolled }: EnrolFormProps) {
  const id = useId();
  const sequences = useResource("sequences:live", (signal) => listSequences({ isArchivedIncluded: false }, signal));
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [isSaving, setIsSaving] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const sequenceId = String(new FormData(event.currentTarget).get("sequenceId") ?? "");
    if (!sequenceId) return setProblem({ fieldErrors: { sequenceId: "Choose a sequence." }, message: null });
    if (isInSequence && !window.confirm("The lead is in a sequence already. Stop it and start this one?")) return;
    setIsSaving(true);
    try {
      onEnrolled(await enrolLead(leadId, { sequenceId, isReplacing: isInSequence }));
      setProblem(NO_PROBLEM);
    } catch (error) {
      setProblem(formProblemOf(error, ["sequenceId"]));
    } finally {
      setIsSaving(false);
    }
  }

  const options = sequences.data ?? [];
  return (
    <form className="inline-form enrol-form" onSubmit={handleSubmit} aria-label="Enrol in a sequence" noValidate>
      <label htmlFor={`${id}-sequence`}>{isInSequence ? "Switch to" : "Sequence"}</label>
      <select id={`${id}-sequence`} name="sequenceId" defaultValue="" aria-invalid={problem.fieldErrors.sequenceId ? true : undefined}>
        <option value="" disabled>
          {sequences.data === null ? "Loading…" : options.length === 0 ? "No sequences yet" : "Choose…"}
        </option>
        {options.map((sequence) => (
          <option key={sequence.id} value={sequence.id}>
            {sequence.name}
          </option>
        ))}
      </select>
      <FormActions label={isInSequence ? "Switch sequence" : "Enrol"} busyLabel="Enrolling…" isSaving={isSaving} isBlocked={options.length === 0} />
      <FieldError message={problem.fieldErrors.sequenceId} />
      <FormAlert message={problem.message ?? sequences.error} />
    </form>
  );
}
