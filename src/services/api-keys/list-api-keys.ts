import { type ApiKey, listApiKeys } from "../../store/api-keys.js";
import type { ServiceContext } from "../context.js";

/** Every API key, newest first, revoked ones included; secrets are never part of it. */
export async function listWorkspaceApiKeys(ctx: ServiceContext): Promise<ApiKey[]> {
  return listApiKeys(ctx.db);
}
