import { useId } from "react";
import type { TeamMember } from "../../../api/users.js";
import { FieldError } from "../../../components/field-error.js";

type PersonSelectProps = { label: string; people: TeamMember[]; value: string; onChange: (userId: string) => void; error?: string | undefined };

/** Picks one person, or nobody (""). */
export function PersonSelect({ label, people, value, onChange, error }: PersonSelectProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <option value="">Nobody</option>
        {people.map((member) => (
          <option key={member.id} value={member.id}>
            {member.name}
          </option>
        ))}
      </select>
      <FieldError message={error} id={`${id}-error`} />
    </div>
  );
}
