import { useId } from "react";
import type { Sequence, SequenceInput } from "../../api/sequences.js";
import { FieldError } from "../../components/field-error.js";
import { TextField } from "../../components/text-field.js";
import { type ConfigProblem, errorAt } from "../settings/pipeline/config-field.js";

type NurtureFieldsProps = { draft: SequenceInput; sequences: Sequence[]; problem: ConfigProblem | null; onChange: (change: Partial<SequenceInput>) => void };

/** What happens after the last step: a follow-up hands the lead to a nurture sequence; a nurture sequence starts over. */
export function NurtureFields({ draft, sequences, problem, onChange }: NurtureFieldsProps) {
  const id = useId();
  if (draft.purpose === "nurture") {
    return (
      <TextField
        label="Start over every (days after the last step; blank: end)"
        name="repeatEveryDays"
        type="number"
        min="1"
        step="1"
        value={draft.repeatEveryDays ?? ""}
        onChange={(event) => onChange({ repeatEveryDays: event.target.value === "" ? null : Number(event.target.value) })}
        error={errorAt(problem, "repeatEveryDays")}
      />
    );
  }
  const nurtures = sequences.filter((sequence) => sequence.purpose === "nurture" && (!sequence.isArchived || sequence.id === draft.nurtureSequenceId));
  const error = errorAt(problem, "nurtureSequenceId");
  return (
    <div className="field">
      <label htmlFor={`${id}-nurture`}>When it ends without a reply, move the lead to</label>
      <select id={`${id}-nurture`} value={draft.nurtureSequenceId ?? ""} aria-invalid={error ? true : undefined} onChange={(event) => onChange({ nurtureSequenceId: event.target.value || null })}>
        <option value="">Nothing: the follow-up just ends</option>
        {nurtures.map((sequence) => (
          <option key={sequence.id} value={sequence.id}>
            {sequence.name}
            {sequence.isArchived ? " (archived)" : ""}
          </option>
        ))}
      </select>
      <FieldError message={error} />
    </div>
  );
}
