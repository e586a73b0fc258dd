import { type FormEvent, useId, useState } from "react";
import { addOutOfOffice, type OutOfOfficePeriod, removeOutOfOffice } from "../../../api/availability.js";
import { useSessionUser } from "../../../app/session-context.js";
import { FormAlert } from "../../../components/form-alert.js";
import { formProblemOf, NO_PROBLEM } from "../../../components/form-problem.js";
import { formatDateTime } from "../../../format/format-time.js";

type OutOfOfficeListProps = { userId: string; periods: OutOfOfficePeriod[]; onChange: (next: OutOfOfficePeriod[]) => void };

/** datetime-local boxes hold the browser's local time; the API wants an instant. */
function instantOf(local: FormDataEntryValue | null): string {
  const date = new Date(String(local ?? ""));
  return Number.isNaN(date.getTime()) ? "" : date.toISOString();
}

/** Periods when routing skips the person (holiday, sick leave), and a form to add one. */
export function OutOfOfficeList({ userId, periods, onChange }: OutOfOfficeListProps) {
  const id = useId();
  const viewer = useSessionUser();
  const [problem, setProblem] = useState(NO_PROBLEM);

  async function handleAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const note = String(form.get("note") ?? "").trim();
    try {
      const period = await addOutOfOffice(userId, { startsAt: instantOf(form.get("startsAt")), endsAt: instantOf(form.get("endsAt")), note: note || null });
      element.reset();
      setProblem(NO_PROBLEM);
      onChange([...periods, period]);
    } catch (error) {
      setProblem(formProblemOf(error, []));
    }
  }

  async function handleRemove(period: OutOfOfficePeriod) {
    try {
      await removeOutOfOffice(userId, period.id);
      onChange(periods.filter((other) => other.id !== period.id));
    } catch (error) {
      setProblem(formProblemOf(error, []));
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Out of office</h2>
      <FormAlert message={problem.message} />
      {periods.length === 0 ? (
        <p className="muted small">No time off planned.</p>
      ) : (
        <ul className="plain-list">
          {periods.map((period) => (
            <li key={period.id}>
              {formatDateTime(period.startsAt, viewer.timezone)} – {formatDateTime(period.endsAt, viewer.timezone)}
              {period.note ? <span className="muted"> · {period.note}</span> : null}{" "}
              <button type="button" className="button-link" onClick={() => handleRemove(period)} aria-label={`Remove time off from ${formatDateTime(period.startsAt, viewer.timezone)}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="field-row" onSubmit={handleAdd} aria-label="Add time off">
        <div className="field">
          <label htmlFor={`${id}-from`}>From (your local time)</label>
          <input id={`${id}-from`} name="startsAt" type="datetime-local" required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-until`}>Until</label>
          <input id={`${id}-until`} name="endsAt" type="datetime-local" required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>Note</label>
          <input id={`${id}-note`} name="note" maxLength={200} placeholder="e.g. holiday" />
        </div>
        <button type="submit" className="button-quiet align-end">
          Add time off
        </button>
      </form>
    </section>
  );
}
