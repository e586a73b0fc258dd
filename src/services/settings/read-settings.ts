import { readSettings, type WorkspaceSettings } from "../../store/settings.js";
import type { ServiceContext } from "../context.js";

/** The workspace settings, with defaults for those never set. */
export async function getWorkspaceSettings(ctx: ServiceContext): Promise<WorkspaceSettings> {
  return readSettings(ctx.db);
}
