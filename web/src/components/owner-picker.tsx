import { useId } from "react";
import type { TeamMember } from "../api/users.js";

type OwnerPickerProps = {
  label: string;
  team: TeamMember[];
  /** The signed-in user, whose name gets "(me)". */
  meId: string;
  value: string;
  onChange: (ownerId: string) => void;
  /** When given, a first option (value "") for everyone's leads, e.g. "Whole team". */
  everyoneLabel?: string;
};

/** Picks one active team member (or, optionally, everyone) whose leads a page shows. */
export function OwnerPicker({ label, team, meId, value, onChange, everyoneLabel }: OwnerPickerProps) {
  const id = useId();
  return (
    <div className="field inline-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {everyoneLabel !== undefined && <option value="">{everyoneLabel}</option>}
        {team
          .filter((member) => member.isActive)
          .map((member) => (
            <option key={member.id} value={member.id}>
              {member.id === meId ? `${member.name} (me)` : member.name}
            </option>
          ))}
      </select>
    </div>
  );
}
