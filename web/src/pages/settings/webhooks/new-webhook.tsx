import { type FormEvent, useId, useState } from "react";
import { type CreatedWebhook, createWebhook, WEBHOOK_EVENT_TYPES } from "../../../api/webhooks.js";
import { FieldError } from "../../../components/field-error.js";
import { FormAlert } from "../../../components/form-alert.js";
import { formProblemOf, NO_PROBLEM } from "../../../components/form-problem.js";
import { TextField } from "../../../components/text-field.js";

type NewWebhookProps = { onCreated: (webhook: CreatedWebhook) => void };

/** Subscribes an endpoint to event types. */
export function NewWebhook({ onCreated }: NewWebhookProps) {
  const id = useId();
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [isSaving, setIsSaving] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    setIsSaving(true);
    try {
      const created = await createWebhook({ url: String(form.get("url") ?? "").trim(), eventTypes: form.getAll("eventTypes").map(String) });
      element.reset();
      setProblem(NO_PROBLEM);
      onCreated(created);
    } catch (error) {
      setProblem(formProblemOf(error, ["url", "eventTypes"]));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form className="panel" onSubmit={handleSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>New webhook</h2>
      <FormAlert message={problem.message} />
      <TextField label="Endpoint URL" name="url" type="url" placeholder="https://example.com/closeloop" required error={problem.fieldErrors.url} />
      <fieldset aria-describedby={problem.fieldErrors.eventTypes ? `${id}-types-error` : undefined}>
        <legend>Events</legend>
        <div className="checkbox-grid">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="checkbox">
              <input type="checkbox" name="eventTypes" value={type} defaultChecked /> <code>{type}</code>
            </label>
          ))}
        </div>
        <FieldError message={problem.fieldErrors.eventTypes} id={`${id}-types-error`} />
      </fieldset>
      <button type="submit" disabled={isSaving}>
        {isSaving ? "Creating…" : "Create webhook"}
      </button>
    </form>
  );
}
