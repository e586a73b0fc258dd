import { type FormEvent, useId, useState } from "react";
import { changeObjection, createObjection, type Objection, type ObjectionCategory } from "../../../api/objections.js";
import { FormActions } from "../../../components/form-actions.js";
import { FormAlert } from "../../../components/form-alert.js";
import { formProblemOf, NO_PROBLEM } from "../../../components/form-problem.js";
import { TextField } from "../../../components/text-field.js";
import { CATALOG_NAME_MAX_LENGTH } from "../../../../../src/domain/objections/catalog-text.js";
import { OBJECTION_CATEGORIES } from "../../../../../src/domain/objections/objection.js";
import { CATEGORY_LABELS } from "../../lead-detail/objection-words.js";

type ObjectionFormProps = { objection: Objection | null; onSaved: () => void; onCancel: () => void };

/** Adds an objection to the catalog, or renames and recategorises one. */
export function ObjectionForm({ objection, onSaved, onCancel }: ObjectionFormProps) {
  const id = useId();
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [isSaving, setIsSaving] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = { name: String(form.get("name") ?? "").trim(), category: String(form.get("category")) as ObjectionCategory };
    setIsSaving(true);
    try {
      if (objection) await changeObjection(objection.id, body);
      else await createObjection(body);
      onSaved();
    } catch (error) {
      setProblem(formProblemOf(error, ["name", "category"]));
      setIsSaving(false);
    }
  }

  return (
    <form className="panel" onSubmit={handleSubmit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{objection ? `Edit “${objection.name}”` : "New objection"}</h2>
      <FormAlert message={problem.message} />
      <div className="field-row">
        <TextField label="Objection" name="name" defaultValue={objection?.name} required maxLength={CATALOG_NAME_MAX_LENGTH} placeholder="e.g. Too expensive" error={problem.fieldErrors.name} />
        <div className="field">
          <label htmlFor={`${id}-category`}>Category</label>
          <select id={`${id}-category`} name="category" defaultValue={objection?.category ?? "price"}>
            {OBJECTION_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {CATEGORY_LABELS[category]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FormActions label={objection ? "Save objection" : "Add objection"} isSaving={isSaving} onCancel={onCancel} />
    </form>
  );
}
