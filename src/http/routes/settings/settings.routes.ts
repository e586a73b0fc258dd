import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { actorOf, hasPermission } from "../../../domain/access/permission.js";
import { getWorkspaceSettings } from "../../../services/settings/read-settings.js";
import { updateSettings } from "../../../services/settings/update-settings.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { presentSettings } from "./present-settings.js";
import { ChangeSettingsBody, SettingsDto } from "./settings.schemas.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];

/** Workspace settings: `/api/v1/settings`. Anyone who reads leads may read them (the UI adapts to them). */
export const settingsRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get(
    "/api/v1/settings",
    { schema: { tags: ["settings"], summary: "Read workspace settings", security: SECURITY, response: { 200: SettingsDto } } },
    async (request) => {
      const principal = principalOf(request, "leads:read");
      return presentSettings(await getWorkspaceSettings(ctx), hasPermission(principal, "settings:manage"));
    },
  );

  app.patch(
    "/api/v1/settings",
    { schema: { tags: ["settings"], summary: "Change workspace settings", security: SECURITY, body: ChangeSettingsBody, response: { 200: SettingsDto } } },
    async (request) => {
      const principal = principalOf(request, "settings:manage");
      return presentSettings(await updateSettings(ctx, request.body, actorOf(principal)), true);
    },
  );
};
