import { useId } from "react";
import type { SendWindow } from "../../api/sequences.js";
import { FieldError } from "../../components/field-error.js";
import { type ConfigProblem, errorAt, errorWithin } from "../settings/pipeline/config-field.js";
import { minuteOfTime, timeOfMinute, WEEKDAY_NAMES } from "./sequence-words.js";

type SendWindowFieldsProps = { window: SendWindow; path: string; problem: ConfigProblem | null; onChange: (next: SendWindow) => void };

/** When a step may go out, in the lead's time: from and to (24:00 written as 00:00 in the "to" box) and the weekdays. */
export function SendWindowFields({ window, path, problem, onChange }: SendWindowFieldsProps) {
  const id = useId();
  const set = (change: Partial<SendWindow>) => onChange({ ...window, ...change });

  function toggleDay(day: number, isOn: boolean) {
    const weekdays = isOn ? [...window.weekdays, day].sort((a, b) => a - b) : window.weekdays.filter((one) => one !== day);
    set({ weekdays });
  }

  const startError = errorAt(problem, `${path}.startMinute`);
  const endError = errorAt(problem, `${path}.endMinute`) ?? errorAt(problem, path);
  return (
    <fieldset className="send-window">
      <legend>Send window (lead's time)</legend>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-from`}>From</label>
          <input id={`${id}-from`} type="time" value={timeOfMinute(window.startMinute)} aria-invalid={startError ? true : undefined}
            onChange={(event) => set({ startMinute: minuteOfTime(event.target.value) ?? window.startMinute })} />
          <FieldError message={startError} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>To</label>
          <input id={`${id}-to`} type="time" value={timeOfMinute(window.endMinute % 1440)} aria-invalid={endError ? true : undefined}
            onChange={(event) => set({ endMinute: endMinuteOf(event.target.value) ?? window.endMinute })} />
          <FieldError message={endError} />
        </div>
      </div>
      <div className="weekday-picks" role="group" aria-label="Weekdays">
        {WEEKDAY_NAMES.map((name, index) => (
          <label key={name} className="checkbox">
            <input type="checkbox" checked={window.weekdays.includes(index + 1)} onChange={(event) => toggleDay(index + 1, event.target.checked)} /> {name}
          </label>
        ))}
      </div>
      <FieldError message={errorWithin(problem, `${path}.weekdays`)} />
    </fieldset>
  );
}

/** The "to" box: midnight closes the day (24:00), as a window cannot end at its own start of day. */
function endMinuteOf(text: string): number | null {
  const minute = minuteOfTime(text);
  return minute === 0 ? 1440 : minute;
}
