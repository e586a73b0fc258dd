import { type FormEvent, useId, useState } from "react";
import { addOutOfOffice, type OutOfOfficePeriod, removeOutOfOffice } from "../../../api/availability.js";
import { FormAlert } from "../../../components/form-alert.js";
import { formProblemOf, NO_PROBLEM } from "../../../components/form-problem.js";
import { formatDateTime } from "../../../format/format-time.js";
import { isoOfLocalTime } from "../../../format/zoned-time.js";

type OutOfOfficeListProps = { userId: string; timeZone: string; periods: OutOfOfficePeriod[]; onChange: (next: OutOfOfficePeriod[]) => void };

/** Periods when routing skips the person (holiday, sick leave), and a form to add one; times read and show in the person's zone. */
export function OutOfOfficeList({ userId, timeZone, periods, onChange }: OutOfOfficeListProps) {
  const id = useId();
  const [problem, setProblem] = useState(NO_PROBLEM);

  async function handleAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const note = String(form.get("note") ?? "").trim();
    const instantOf = (field: string) => isoOfLocalTime(String(form.get(field) ?? ""), timeZone) ?? "";
    try {
      const period = await addOutOfOffice(userId, { startsAt: instantOf("startsAt"), endsAt: instantOf("endsAt"), note: note || null });
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
              {formatDateTime(period.startsAt, timeZone)} – {formatDateTime(period.endsAt, timeZone)}
              {period.note ? <span className="muted"> · {period.note}</span> : null}{" "}
              <button type="button" className="button-link" onClick={() => handleRemove(period)} aria-label={`Remove time off from ${formatDateTime(period.startsAt, timeZone)}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="field-row" onSubmit={handleAdd} aria-label="Add time off">
        <div className="field">
          <label htmlFor={`${id}-from`}>From ({timeZone})</label>
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
