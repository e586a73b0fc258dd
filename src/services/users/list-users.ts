import type { User } from "../../domain/users/user.js";
import { listUsers } from "../../store/users.js";
import type { ServiceContext } from "../context.js";

/** Everyone in the workspace, active or not, by name. */
export async function listTeam(ctx: ServiceContext): Promise<User[]> {
  return listUsers(ctx.db);
}
