import { useId, useState } from "react";
import { formatDate } from "../../../format/format-time.js";

type HolidaysEditorProps = { value: string[]; onChange: (next: string[]) => void };

/** Local dates (YYYY-MM-DD) on which nobody works: the SLA clock and routing skip them. */
export function HolidaysEditor({ value, onChange }: HolidaysEditorProps) {
  const id = useId();
  const [day, setDay] = useState("");

  function handleAdd() {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || value.includes(day)) return;
    onChange([...value, day].sort());
    setDay("");
  }

  return (
    <fieldset className="holidays">
      <legend>Holidays</legend>
      {value.length === 0 ? (
        <p className="muted small">None.</p>
      ) : (
        <ul className="chip-list">
          {value.map((holiday) => (
            <li key={holiday}>
              {formatDate(`${holiday}T12:00:00Z`, "UTC")}
              <button type="button" className="button-link" aria-label={`Remove holiday ${holiday}`} onClick={() => onChange(value.filter((other) => other !== holiday))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="inline-form">
        <label htmlFor={id}>Add a day</label>
        <input id={id} type="date" value={day} onChange={(event) => setDay(event.target.value)} />
        <button type="button" className="button-quiet" onClick={handleAdd} disabled={day === ""}>
          Add holiday
        </button>
      </div>
    </fieldset>
  );
}
