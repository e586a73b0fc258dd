import type { Static } from "typebox";
import type { ChangeSettingsBody, SettingsDtoType } from "../../../src/http/routes/settings/settings.schemas.js";
import { apiRequest } from "./client.js";

/** Workspace-wide settings, typed from the settings route's schema. */
export type WorkspaceSettings = SettingsDtoType;
export type SettingsChange = Static<typeof ChangeSettingsBody>;

/** The workspace settings. */
export async function getSettings(signal?: AbortSignal): Promise<WorkspaceSettings> {
  return apiRequest<WorkspaceSettings>("/api/v1/settings", { signal });
}

/** Changes the settings named in `change`. */
export async function changeSettings(change: SettingsChange): Promise<WorkspaceSettings> {
  return apiRequest<WorkspaceSettings>("/api/v1/settings", { method: "PATCH", body: change });
}
