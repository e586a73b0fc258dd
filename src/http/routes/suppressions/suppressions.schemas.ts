import { type Static, Type } from "typebox";
import { IsoInstant } from "../../instants.js";
import { Nullable } from "../../nullable.js";

/** An address (254) or a domain (253) fits. */
const VALUE_MAX_LENGTH = 254;
const NOTE_MAX_LENGTH = 500;

export const SuppressionDto = Type.Object({
  value: Type.String({ description: "Lower-cased address (`ann@example.com`) or domain (`example.com`)." }),
  kind: Type.Enum(["address", "domain"]),
  reason: Type.Enum(["opted_out", "bounced", "manual"], { description: "opted_out (permanent: the lead unsubscribed), bounced (the server refused the address) or manual." }),
  leadId: Nullable(Type.String(), "The lead it came from, when there was one."),
  note: Nullable(Type.String()),
  createdBy: Type.String({ description: "`user:<id>`, `api_key:<id>`, `lead` (unsubscribed) or `system`." }),
  createdAt: IsoInstant(),
});

export const SuppressionListQuery = Type.Object(
  {
    search: Type.Optional(Type.String({ maxLength: VALUE_MAX_LENGTH, description: "Only entries whose value contains this text." })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0, description: "Entries to skip: the next page starts at offset + limit." })),
  },
  { additionalProperties: false },
);

export const SuppressionListResponse = Type.Object({ items: Type.Array(SuppressionDto, { description: "Newest first." }) });

export const AddSuppressionBody = Type.Object(
  {
    value: Type.String({ minLength: 1, maxLength: VALUE_MAX_LENGTH, description: "An email address, or a domain to block every address at it." }),
    kind: Type.Enum(["address", "domain"]),
    note: Type.Optional(Nullable(Type.String({ maxLength: NOTE_MAX_LENGTH }), "Why it is blocked.")),
  },
  { additionalProperties: false, description: "No sequence email goes to a suppressed address or domain; every send checks at the moment of sending." },
);

export const SuppressionValueParams = Type.Object(
  { value: Type.String({ minLength: 1, maxLength: VALUE_MAX_LENGTH, description: "The address or domain, as listed." }) },
  { additionalProperties: false },
);

export type SuppressionDtoType = Static<typeof SuppressionDto>;
