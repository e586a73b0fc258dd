import type { Static } from "typebox";
import type { UserDto } from "../../../src/http/routes/users/users.schemas.js";
import { apiRequest } from "./client.js";

/** A person on the team (owner names, the owner filter), typed from the users route's schema. */
export type TeamMember = Static<typeof UserDto>;

/** Everyone on the team, by name. */
export async function listTeam(signal?: AbortSignal): Promise<TeamMember[]> {
  const page = await apiRequest<{ items: TeamMember[] }>("/api/v1/users", { signal });
  return page.items;
}
