import { getAvailability } from "../../../api/availability.js";
import { useLocation } from "../../../app/location.js";
import { useSessionUser } from "../../../app/session-context.js";
import { AppLink } from "../../../components/app-link.js";
import { FormAlert } from "../../../components/form-alert.js";
import { useResource } from "../../../hooks/use-resource.js";
import { useTeam } from "../../../hooks/use-team.js";
import type { TeamMember } from "../../../api/users.js";
import { AvailabilityForm } from "./availability-form.js";
import { AvailabilitySummary } from "./availability-summary.js";
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
      {selectedId && <PersonAvailability key={selectedId} userId={selectedId} team={team} canEditProfile />}
    </div>
  );
}

/** A rep's own page: how routing treats them, and their time off, which they may set themselves. */
export function MyAvailability() {
  const user = useSessionUser();
  const team = useTeam();
  return <PersonAvailability userId={user.id} team={team} canEditProfile={false} />;
}

type PersonAvailabilityProps = { userId: string; team: TeamMember[]; canEditProfile: boolean };

function PersonAvailability({ userId, team, canEditProfile }: PersonAvailabilityProps) {
  const availability = useResource(`availability:${userId}`, (signal) => getAvailability(userId, signal));
  const person = team.find((member) => member.id === userId);
  return (
    <div>
      {canEditProfile && person && (
        <h2 className="person-name">{person.name}</h2>
      )}
      {canEditProfile && person && (
        <p className="muted small">
          {person.role} · {person.email} · {person.timezone}
          {person.isActive ? "" : " · inactive: routing skips them"}
        </p>
      )}
      <FormAlert message={availability.error} />
      {availability.data && (
        <>
          {canEditProfile ? (
            <AvailabilityForm availability={availability.data} team={team} onSaved={(next) => availability.update(() => next)} />
          ) : (
            <AvailabilitySummary availability={availability.data} team={team} />
          )}
          <OutOfOfficeList userId={userId} timeZone={availability.data.timezone} periods={availability.data.outOfOffice} onChange={(outOfOffice) => availability.update((current) => ({ ...current, outOfOffice }))} />
        </>
      )}
    </div>
  );
}
