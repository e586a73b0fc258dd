import { type Static, Type } from "typebox";
import { API_KEY_NAME_MAX_LENGTH } from "../../../services/api-keys/create-api-key.js";

const ScopeSchema = Type.Union([Type.Literal("leads:write"), Type.Literal("admin")], {
  description: "leads:write sends leads in and nothing else; admin may do everything.",
});

const nullableTime = Type.Union([Type.String({ format: "date-time" }), Type.Null()]);

export const ApiKeyDto = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: "The key's first characters, to tell keys apart; the key itself is never shown again." }),
  scopes: Type.Array(ScopeSchema),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: "date-time" }),
  revokedAt: nullableTime,
  lastUsedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()], { description: "Updated at most once a minute." }),
});

export const ApiKeyListResponse = Type.Object({ items: Type.Array(ApiKeyDto) });

export const CreateApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: API_KEY_NAME_MAX_LENGTH, description: "What uses the key, e.g. Website forms." }),
    scopes: Type.Array(ScopeSchema, { minItems: 1, maxItems: 10 }),
  },
  { additionalProperties: false },
);

export const CreatedApiKeyResponse = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  scopes: Type.Array(ScopeSchema),
  key: Type.String({ description: "The key, shown this once: send it as `Authorization: Bearer <key>`." }),
  createdAt: Type.String({ format: "date-time" }),
});

export const ApiKeyIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });

export type ApiKeyDtoType = Static<typeof ApiKeyDto>;
