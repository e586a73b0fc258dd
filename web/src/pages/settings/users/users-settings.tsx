import { getAvailability } from "../../../api/availability.js";
import { useLocation } from "../../../app/location.js";
import { AppLink } from "../../../components/app-link.js";
import { FormAlert } from "../../../components/form-alert.js";
import { useResource } from "../../../hooks/use-resource.js";
import { useTeam } from "../../../hooks/use-team.js";
import type { TeamMember } from "../../../api/users.js";
import { AvailabilityForm } from "./availability-form.js";
import { OutOfOfficeList } from "./out-of-office-list.js";

/** The team on the left; the chosen person's availability and time off on the right. */
export function UsersSettings() {
  const team = useTeam();
  const { query } = useLocation();
  const selectedId = query.get("user") ?? team[0]?.id;
  return (
    <div className="settings-columns people">
      <nav aria-label="People">
        <ul className="people-list">
          {team.map((member) => (
            <li key={member.id}>
              <AppLink href={`/settings/users?user=${encodeURIComponent(member.id)}`} aria-current={member.id === selectedId ? "true" : undefined}>
                {member.name}
              </AppLink>{" "}
              <span className="muted small">
                {member.role}
                {member.isActive ? "" : ", inactive"}
              </span>
            </li>
          ))}
        </ul>
      </nav>
      {selectedId && <PersonAvailability key={selectedId} userId={selectedId} team={team} />}
    </div>
  );
}

function PersonAvailability({ userId, team }: { userId: string; team: TeamMember[] }) {
  const availability = useResource(`availability:${userId}`, (signal) => getAvailability(userId, signal));
  const person = team.find((member) => member.id === userId);
  return (
    <div>
      <h2 className="person-name">{person?.name ?? "Person"}</h2>
      {person && (
        <p className="muted small">
          {person.role} · {person.email} · {person.timezone}
          {person.isActive ? "" : " · inactive: routing skips them"}
        </p>
      )}
      <FormAlert message={availability.error} />
      {availability.data && (
        <>
          <AvailabilityForm availability={availability.data} team={team} onSaved={(next) => availability.update(() => next)} />
          <OutOfOfficeList userId={userId} periods={availability.data.outOfOffice} onChange={(outOfOffice) => availability.update((current) => ({ ...current, outOfOffice }))} />
        </>
      )}
    </div>
  );
}
