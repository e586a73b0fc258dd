import type { RoutingTarget } from "../../../src/domain/routing/routing-rule.js";
import type { BusinessCalendar } from "../../../src/domain/sla/business-hours.js";
import { apiRequest } from "./client.js";

/** Workspace-wide settings. */
export type WorkspaceSettings = {
  repsSeeAllLeads: boolean;
  businessCalendar: BusinessCalendar;
  fallbackPool: RoutingTarget | null;
  slackWebhookUrl: string | null;
};

/** The workspace settings. */
export async function getSettings(signal?: AbortSignal): Promise<WorkspaceSettings> {
  return apiRequest<WorkspaceSettings>("/api/v1/settings", { signal });
}

/** Changes the settings named in `change`. */
export async function changeSettings(change: Partial<WorkspaceSettings>): Promise<WorkspaceSettings> {
  return apiRequest<WorkspaceSettings>("/api/v1/settings", { method: "PATCH", body: change });
}
