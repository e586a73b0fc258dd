import type { ApiKey } from "../../../store/api-keys.js";
import type { ApiKeyDtoType } from "./api-keys.schemas.js";

const isoOrNull = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/** The API shape of a key in lists: never the secret. */
export function presentApiKey(apiKey: ApiKey): ApiKeyDtoType {
  return { ...apiKey, createdAt: new Date(apiKey.createdAt).toISOString(), revokedAt: isoOrNull(apiKey.revokedAt), lastUsedAt: isoOrNull(apiKey.lastUsedAt) };
}
