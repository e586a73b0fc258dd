import type { WeeklyHours } from "../../../api/availability.js";
import { endMinuteOf, startMinuteOf, timeOfMinute } from "./clock-minutes.js";

type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const WEEKDAYS: [Weekday, string][] = [
  [1, "Monday"],
  [2, "Tuesday"],
  [3, "Wednesday"],
  [4, "Thursday"],
  [5, "Friday"],
  [6, "Saturday"],
  [7, "Sunday"],
];

type WeeklyHoursEditorProps = { legend: string; value: WeeklyHours; onChange: (next: WeeklyHours) => void };

/** Open hours per weekday, one or more intervals a day; a day without any is closed. */
export function WeeklyHoursEditor({ legend, value, onChange }: WeeklyHoursEditorProps) {
  function setDay(day: Weekday, intervals: [number, number][]) {
    const next = { ...value };
    if (intervals.length === 0) delete next[day];
    else next[day] = intervals;
    onChange(next);
  }

  function setEdge(day: Weekday, index: number, edge: 0 | 1, time: string) {
    const minute = edge === 0 ? startMinuteOf(time) : endMinuteOf(time);
    if (minute === null) return;
    setDay(day, (value[day] ?? []).map((interval, i) => (i === index ? (edge === 0 ? [minute, interval[1]] : [interval[0], minute]) : interval)));
  }

  return (
    <fieldset className="weekly-hours">
      <legend>{legend}</legend>
      {WEEKDAYS.map(([day, name]) => {
        const intervals = value[day] ?? [];
        const lastEnd = intervals.at(-1)?.[1] ?? 480;
        return (
          <div className="weekday" key={day}>
            <span className="weekday-name">{name}</span>
            <div className="weekday-intervals">
              {intervals.length === 0 && <span className="muted">Closed</span>}
              {intervals.map(([start, end], index) => (
                <span className="interval" key={index}>
                  <input type="time" aria-label={`${name} from`} value={timeOfMinute(start)} onChange={(event) => setEdge(day, index, 0, event.target.value)} />
                  <span aria-hidden="true">–</span>
                  <input type="time" aria-label={`${name} until`} value={timeOfMinute(end)} onChange={(event) => setEdge(day, index, 1, event.target.value)} />
                  <button type="button" className="button-link" aria-label={`Remove ${name} ${timeOfMinute(start)}–${timeOfMinute(end)}`} onClick={() => setDay(day, intervals.filter((_, i) => i !== index))}>
                    Remove
                  </button>
                </span>
              ))}
            </div>
            {lastEnd < 1440 && (
              <button type="button" className="button-link" aria-label={`Add hours on ${name}`} onClick={() => setDay(day, [...intervals, intervals.length === 0 ? [540, 1020] : [lastEnd, Math.min(1440, lastEnd + 60)]])}>
                Add hours
              </button>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
