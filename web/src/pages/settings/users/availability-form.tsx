import { type FormEvent, useId, useState } from "react";
import { type Availability, saveAvailability, type WeeklyHours } from "../../../api/availability.js";
import type { TeamMember } from "../../../api/users.js";
import { FormAlert } from "../../../components/form-alert.js";
import { formProblemOf, NO_PROBLEM } from "../../../components/form-problem.js";
import { TextField } from "../../../components/text-field.js";
import { PersonSelect } from "../shared/person-select.js";
import { TimeZoneField } from "../shared/time-zone-field.js";
import { WeeklyHoursEditor } from "../shared/weekly-hours-editor.js";

/** Where a fresh working-hours editor starts: Monday to Friday, 9:00 to 17:00 (the domain's OFFICE_HOURS lives beside luxon, kept out of the bundle). */
const OFFICE_HOURS: WeeklyHours = { 1: [[540, 1020]], 2: [[540, 1020]], 3: [[540, 1020]], 4: [[540, 1020]], 5: [[540, 1020]] };

const FIELDS = ["timezone", "capacity", "routingWeight", "backupUserId", "managerId", "weeklyHours"] as const;

type AvailabilityFormProps = { availability: Availability; team: TeamMember[]; onSaved: (next: Availability) => void };

/** One person's routing profile: time zone, working hours, capacity, weight, backup and manager. */
export function AvailabilityForm({ availability, team, onSaved }: AvailabilityFormProps) {
  const id = useId();
  // One zone for the person and their working hours: two that differ would only confuse.
  const [timezone, setTimezone] = useState(availability.timezone);
  const [hours, setHours] = useState<WeeklyHours | null>(availability.workingHours?.weeklyHours ?? null);
  const [capacity, setCapacity] = useState(availability.capacity === null ? "" : String(availability.capacity));
  const [weight, setWeight] = useState(String(availability.routingWeight));
  const [backupUserId, setBackupUserId] = useState(availability.backupUserId ?? "");
  const [managerId, setManagerId] = useState(availability.managerId ?? "");
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [status, setStatus] = useState("");
  const others = team.filter((member) => member.id !== availability.userId);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus("");
    try {
      const saved = await saveAvailability(availability.userId, {
        timezone: timezone.trim(),
        workingHours: hours === null ? null : { timezone: timezone.trim(), weeklyHours: hours, holidays: availability.workingHours?.holidays ?? [] },
        capacity: capacity.trim() === "" ? null : Number(capacity),
        routingWeight: Number(weight),
        backupUserId: backupUserId || null,
        managerId: managerId || null,
      });
      setProblem(NO_PROBLEM);
      setStatus("Saved.");
      onSaved(saved);
    } catch (error) {
      setProblem(formProblemOf(error, FIELDS));
    }
  }

  return (
    <form className="panel" onSubmit={handleSubmit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Availability</h2>
      <FormAlert message={problem.message ?? problem.fieldErrors.weeklyHours ?? null} />
      <div className="field-row">
        <TimeZoneField label="Time zone" value={timezone} onChange={setTimezone} error={problem.fieldErrors.timezone} />
        <TextField label="Capacity (open leads, blank: no limit)" name="capacity" type="number" min="0" step="1" value={capacity} onChange={(event) => setCapacity(event.target.value)} error={problem.fieldErrors.capacity} />
        <TextField label="Routing weight (1 = normal)" name="routingWeight" type="number" min="1" max="100" step="1" value={weight} onChange={(event) => setWeight(event.target.value)} error={problem.fieldErrors.routingWeight} />
      </div>
      <div className="field-row">
        <PersonSelect label="Backup (takes escalated leads)" people={others} value={backupUserId} onChange={setBackupUserId} error={problem.fieldErrors.backupUserId} />
        <PersonSelect label="Manager (hears about breaches)" people={others.filter((member) => member.role !== "rep")} value={managerId} onChange={setManagerId} error={problem.fieldErrors.managerId} />
      </div>
      <p className="muted small">Open leads now: {availability.openLeads}</p>
      <label className="checkbox">
        <input type="checkbox" checked={hours === null} onChange={(event) => setHours(event.target.checked ? null : OFFICE_HOURS)} /> Takes leads at any hour
      </label>
      {hours !== null && <WeeklyHoursEditor legend={`Working hours (${timezone || "their time zone"})`} value={hours} onChange={setHours} />}
      <div className="form-actions">
        <button type="submit">Save availability</button>
        <span className="muted small" role="status">
          {status}
        </span>
      </div>
    </form>
  );
}
