import { useId } from "react";
import { FieldError } from "../../../components/field-error.js";

// Every zone the browser knows; the server checks the name again.
const ZONES = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];

type TimeZoneFieldProps = { label: string; value: string; onChange: (zone: string) => void; error?: string | undefined };

/** A time zone box that suggests IANA names as you type ("Europe/Berlin"). */
export function TimeZoneField({ label, value, onChange, error }: TimeZoneFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} list={`${id}-zones`} value={value} onChange={(event) => onChange(event.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      <datalist id={`${id}-zones`}>
        {ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <FieldError message={error} id={`${id}-error`} />
    </div>
  );
}
