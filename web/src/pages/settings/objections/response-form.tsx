import { type FormEvent, useId, useState } from "react";
import { addResponseVersion, type ResponseVersion } from "../../../api/objections.js";
import { FieldError } from "../../../components/field-error.js";
import { FormActions } from "../../../components/form-actions.js";
import { FormAlert } from "../../../components/form-alert.js";
import { formProblemOf, NO_PROBLEM } from "../../../components/form-problem.js";
import { RESPONSE_TEXT_MAX_LENGTH } from "../../../../../src/domain/objections/catalog-text.js";

type ResponseFormProps = { objectionId: string; rewording: ResponseVersion | null; onSaved: () => void; onCancel: () => void };

/** Adds a response to an objection, or rewords one: a new wording is a new version, and the old one keeps its win rate. */
export function ResponseForm({ objectionId, rewording, onSaved, onCancel }: ResponseFormProps) {
  const id = useId();
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [isSaving, setIsSaving] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get("text") ?? "").trim();
    if (!text) return setProblem({ fieldErrors: { text: "Write the response." }, message: null });
    if (text === rewording?.text) return setProblem({ fieldErrors: { text: "That is the current wording; change it to make a new version." }, message: null });
    setIsSaving(true);
    try {
      await addResponseVersion(objectionId, rewording ? { text, responseId: rewording.responseId } : { text });
      onSaved();
    } catch (error) {
      setProblem(formProblemOf(error, ["text"]));
      setIsSaving(false);
    }
  }

  const label = rewording ? `New wording (version ${rewording.version + 1})` : "Response";
  return (
    <form className="inline-panel" onSubmit={handleSubmit} aria-label={rewording ? "Reword response" : "Add response"} noValidate>
      <FormAlert message={problem.message} />
      <div className="field">
        <label htmlFor={`${id}-text`}>{label}</label>
        <textarea id={`${id}-text`} name="text" rows={3} maxLength={RESPONSE_TEXT_MAX_LENGTH} defaultValue={rewording?.text} aria-invalid={problem.fieldErrors.text ? true : undefined} />
        <FieldError message={problem.fieldErrors.text} />
      </div>
      <FormActions label={rewording ? "Save new version" : "Add response"} isSaving={isSaving} onCancel={onCancel} />
    </form>
  );
}
