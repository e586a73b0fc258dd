import { useEffect, useState } from "react";
import { listTeam, type TeamMember } from "../api/users.js";

// The team changes rarely; one request per page load serves every screen.
let teamRequest: Promise<TeamMember[]> | null = null;

/** The team (for owner names and the owner filter); empty until loaded or when it cannot be read. */
export function useTeam(): TeamMember[] {
  const [team, setTeam] = useState<TeamMember[]>([]);
  useEffect(() => {
    let isCurrent = true;
    teamRequest ??= listTeam().catch(() => {
      teamRequest = null;
      return [];
    });
    void teamRequest.then((members) => isCurrent && setTeam(members));
    return () => {
      isCurrent = false;
    };
  }, []);
  return team;
}

/** The name to show for an owner id ("…" while the team loads, rather than a flash of raw ids). */
export function ownerName(team: TeamMember[], ownerId: string | null): string {
  if (ownerId === null) return "Unassigned";
  if (team.length === 0) return "…";
  return team.find((member) => member.id === ownerId)?.name ?? ownerId;
}
