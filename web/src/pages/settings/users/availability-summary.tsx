import type { Availability } from "../../../api/availability.js";
import type { TeamMember } from "../../../api/users.js";
import { type Fact, FactList } from "../../../components/fact-list.js";
import { ownerName } from "../../../hooks/use-team.js";
import { timeOfMinute } from "../shared/clock-minutes.js";

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function hoursText(availability: Availability): string {
  if (availability.workingHours === null) return "Any hour";
  const weekly = availability.workingHours.weeklyHours as Partial<Record<string, [number, number][]>>;
  const days = DAY_NAMES.map((name, index) => {
    const intervals = weekly[String(index + 1)] ?? [];
    return intervals.length === 0 ? null : `${name} ${intervals.map(([start, end]) => `${timeOfMinute(start)}–${timeOfMinute(end)}`).join(", ")}`;
  });
  return days.filter(Boolean).join(" · ") || "No hours";
}

/** How routing treats a person, read-only: what a rep sees of their own profile (managers change it). */
export function AvailabilitySummary({ availability, team }: { availability: Availability; team: TeamMember[] }) {
  const facts: Fact[] = [
    { label: "Time zone", value: availability.timezone },
    { label: "Working hours", value: hoursText(availability) },
    { label: "Capacity", value: availability.capacity === null ? "No limit" : `${availability.openLeads} of ${availability.capacity} open leads` },
    { label: "Routing weight", value: String(availability.routingWeight) },
    { label: "Backup", value: availability.backupUserId && ownerName(team, availability.backupUserId) },
    { label: "Manager", value: availability.managerId && ownerName(team, availability.managerId) },
  ];
  return (
    <section className="panel" aria-labelledby="availability-summary-title">
      <h2 id="availability-summary-title">How routing treats you</h2>
      <FactList facts={facts} />
      <p className="muted small">A manager changes these; your time off you set below.</p>
    </section>
  );
}
