import { type FormEvent, useId, useState } from "react";
import { bookMeeting } from "../../api/meetings.js";
import { FieldError } from "../../components/field-error.js";
import { FormActions } from "../../components/form-actions.js";
import { FormAlert } from "../../components/form-alert.js";
import { type FormProblem, formProblemOf, NO_PROBLEM } from "../../components/form-problem.js";
import { isoOfLocalTime } from "../../format/zoned-time.js";

type BookMeetingFormProps = { leadId: string; timeZone: string; onBooked: () => void; onCancel: () => void };

/** Books a meeting by hand: when (in the person's zone) and what about. */
export function BookMeetingForm({ leadId, timeZone, onBooked, onCancel }: BookMeetingFormProps) {
  const id = useId();
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [isSaving, setIsSaving] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const startsAt = isoOfLocalTime(String(form.get("startsAt") ?? ""), timeZone);
    if (startsAt === null) return setProblem({ fieldErrors: { startsAt: "Pick the date and time it starts." }, message: null });
    const title = String(form.get("title") ?? "").trim();
    setIsSaving(true);
    try {
      await bookMeeting(leadId, title ? { startsAt, title } : { startsAt });
      onBooked();
    } catch (error) {
      setProblem(formProblemOf(error, ["startsAt", "title"]));
      setIsSaving(false);
    }
  }

  return (
    <form className="inline-panel" onSubmit={handleSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`} className="panel-subtitle">
        Book a meeting
      </h3>
      <FormAlert message={problem.message} />
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-starts`}>Starts</label>
          <input id={`${id}-starts`} name="startsAt" type="datetime-local" required aria-invalid={problem.fieldErrors.startsAt ? true : undefined} />
          <FieldError message={problem.fieldErrors.startsAt} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-title-input`}>Title</label>
          <input id={`${id}-title-input`} name="title" maxLength={200} placeholder="e.g. Discovery call" />
          <FieldError message={problem.fieldErrors.title} />
        </div>
      </div>
      <FormActions label="Book meeting" isSaving={isSaving} busyLabel="Booking…" onCancel={onCancel} />
    </form>
  );
}
