import { type FormEvent, useId, useState } from "react";
import { addSuppression, type NewSuppression } from "../../../api/suppressions.js";
import { FormActions } from "../../../components/form-actions.js";
import { FormAlert } from "../../../components/form-alert.js";
import { formProblemOf, NO_PROBLEM } from "../../../components/form-problem.js";
import { TextField } from "../../../components/text-field.js";

/** Blocks an address, or every address at a domain, by hand. */
export function AddSuppressionForm({ onAdded }: { onAdded: () => void }) {
  const id = useId();
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [isSaving, setIsSaving] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const note = String(form.get("note") ?? "").trim();
    setIsSaving(true);
    try {
      await addSuppression({ value: String(form.get("value") ?? "").trim(), kind: String(form.get("kind")) as NewSuppression["kind"], note: note || null });
      element.reset();
      setProblem(NO_PROBLEM);
      onAdded();
    } catch (error) {
      setProblem(formProblemOf(error, ["value", "kind", "note"]));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form className="panel" onSubmit={handleSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>Add to the list</h2>
      <FormAlert message={problem.message} />
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>Block</label>
          <select id={`${id}-kind`} name="kind" defaultValue="address">
            <option value="address">An address</option>
            <option value="domain">A whole domain</option>
          </select>
        </div>
        <TextField label="Address or domain" name="value" required maxLength={254} placeholder="ann@example.com or example.com" error={problem.fieldErrors.value} />
        <TextField label="Note" name="note" maxLength={1000} placeholder="Why (optional)" error={problem.fieldErrors.note} />
      </div>
      <FormActions label="Add" busyLabel="Adding…" isSaving={isSaving} />
    </form>
  );
}
