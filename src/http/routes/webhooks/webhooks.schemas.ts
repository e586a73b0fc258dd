import { type Static, Type } from "typebox";
import { WEBHOOK_EVENT_TYPES } from "../../../domain/notifications/webhook-event-type.js";
import { WEBHOOK_URL_MAX_LENGTH } from "../../../services/webhooks/webhook-input.js";

const EventTypes = Type.Array(Type.Enum(WEBHOOK_EVENT_TYPES), { minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length, uniqueItems: true, description: "Event types to receive." });
const Url = Type.String({ minLength: 1, maxLength: WEBHOOK_URL_MAX_LENGTH, description: "http or https endpoint that receives the signed POSTs." });

export const WebhookDto = Type.Object({
  id: Type.String(),
  url: Type.String(),
  eventTypes: Type.Array(Type.String()),
  isActive: Type.Boolean(),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: "date-time" }),
});

export const WebhookListResponse = Type.Object({ items: Type.Array(WebhookDto) });

export const CreatedWebhookResponse = Type.Object({
  ...WebhookDto.properties,
  secret: Type.String({ description: "Standard Webhooks signing secret (`whsec_…`), shown this once: verify `webhook-signature` with it." }),
});

export const CreateWebhookBody = Type.Object(
  { url: Url, eventTypes: EventTypes, isActive: Type.Optional(Type.Boolean({ description: "Default true." })) },
  { additionalProperties: false },
);

export const ChangeWebhookBody = Type.Object(
  { url: Type.Optional(Url), eventTypes: Type.Optional(EventTypes), isActive: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);

export const WebhookIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });

export const DeliveriesQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })) },
  { additionalProperties: false },
);

export const DeliveryAttemptDto = Type.Object({
  messageId: Type.String({ description: "The `webhook-id` the receiver saw." }),
  eventType: Type.Union([Type.String(), Type.Null()]),
  attempt: Type.Integer({ minimum: 1 }),
  at: Type.String({ format: "date-time" }),
  outcome: Type.Union([Type.Literal("delivered"), Type.Literal("failed")]),
  statusCode: Type.Union([Type.Integer(), Type.Null()], { description: "The receiver's HTTP status; null when it did not answer." }),
  error: Type.Union([Type.String(), Type.Null()]),
  durationMs: Type.Integer({ minimum: 0 }),
});

export const DeliveriesResponse = Type.Object({ items: Type.Array(DeliveryAttemptDto) });

export type WebhookDtoType = Static<typeof WebhookDto>;
export type DeliveryAttemptDtoType = Static<typeof DeliveryAttemptDto>;
