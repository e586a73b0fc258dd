import type { ApiKey } from "../../../store/api-keys.js";
import { isoOf, isoOrNull } from "../../instants.js";
import type { ApiKeyDtoType } from "./api-keys.schemas.js";

/** The API shape of a key in lists: never the secret. */
export function presentApiKey(apiKey: ApiKey): ApiKeyDtoType {
  return { ...apiKey, createdAt: isoOf(apiKey.createdAt), revokedAt: isoOrNull(apiKey.revokedAt), lastUsedAt: isoOrNull(apiKey.lastUsedAt) };
}
