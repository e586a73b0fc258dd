import { apiRequest } from "./client.js";

/** A person on the team, as far as owner names and the owner filter need. */
export type TeamMember = { id: string; name: string; email: string; role: string };

/** Everyone on the team, by name. */
export async function listTeam(signal?: AbortSignal): Promise<TeamMember[]> {
  const page = await apiRequest<{ items: TeamMember[] }>("/api/v1/users", { signal });
  return page.items;
}
