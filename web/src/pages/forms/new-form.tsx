import { type FormEvent, useState } from "react";
import { type CaptureForm, createForm } from "../../api/forms.js";
import { FormAlert } from "../../components/form-alert.js";
import { formProblemOf, NO_PROBLEM } from "../../components/form-problem.js";
import { TextField } from "../../components/text-field.js";

const FIELDS = ["name", "source", "campaign", "thankYouUrl"] as const;

function optional(form: FormData, field: string): string | null {
  const value = String(form.get(field) ?? "").trim();
  return value === "" ? null : value;
}

/** Creates a capture form; leads it receives are filed under its source and campaign. */
export function NewForm({ onCreated }: { onCreated: (form: CaptureForm) => void }) {
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    setIsSubmitting(true);
    try {
      const created = await createForm({
        name: String(form.get("name") ?? "").trim(),
        source: optional(form, "source"),
        campaign: optional(form, "campaign"),
        thankYouUrl: optional(form, "thankYouUrl"),
      });
      element.reset();
      setProblem(NO_PROBLEM);
      onCreated(created);
    } catch (error) {
      setProblem(formProblemOf(error, FIELDS));
    } finally {
      setIsSubmitting(false);
    }
  }

  return (
    <form className="new-form" onSubmit={handleSubmit} noValidate aria-labelledby="new-form-title">
      <h2 id="new-form-title">New form</h2>
      <FormAlert message={problem.message} />
      <div className="new-form-fields">
        <TextField label="Name" name="name" required error={problem.fieldErrors.name} />
        <TextField label="Source" name="source" placeholder="website" error={problem.fieldErrors.source} />
        <TextField label="Campaign" name="campaign" error={problem.fieldErrors.campaign} />
        <TextField label="Thank-you page URL" name="thankYouUrl" type="url" placeholder="https://" error={problem.fieldErrors.thankYouUrl} />
      </div>
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Creating…" : "Create form"}
      </button>
    </form>
  );
}
