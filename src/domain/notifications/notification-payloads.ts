import { type Static, Type } from "typebox";
import { WEBHOOK_EVENT_TYPES } from "./webhook-event-type.js";

/**
 * What an outbox message of each channel carries. Services write these when they enqueue; the
 * worker checks them again before delivery (a payload that fails is dead at once: retrying
 * cannot fix it).
 */
export const WebhookMessagePayload = Type.Object(
  {
    subscriptionId: Type.String({ minLength: 1 }),
    /** The JSON body sent, in the Standard Webhooks shape. */
    body: Type.Object({
      type: Type.Enum(WEBHOOK_EVENT_TYPES),
      timestamp: Type.String(),
      data: Type.Record(Type.String(), Type.Unknown()),
    }),
  },
  { additionalProperties: false },
);
export type WebhookMessagePayload = Static<typeof WebhookMessagePayload>;

const nullableText = Type.Union([Type.String(), Type.Null()]);

export const SlackMessagePayload = Type.Object(
  {
    /** The workspace's Slack incoming webhook (setting `slackWebhookUrl`) when the message was queued. */
    webhookUrl: Type.String({ minLength: 1 }),
    /** First line, e.g. "New lead assigned to Ana". */
    headline: Type.String({ minLength: 1 }),
    lead: Type.Object({ id: Type.String(), name: nullableText, company: nullableText, source: nullableText }),
    /** First-response deadline (epoch ms), when an SLA clock runs. */
    slaDueAt: Type.Union([Type.Number(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type SlackMessagePayload = Static<typeof SlackMessagePayload>;

export const EmailMessagePayload = Type.Object(
  {
    to: Type.Array(Type.String({ minLength: 3 }), { minItems: 1 }),
    subject: Type.String({ minLength: 1 }),
    text: Type.String(),
    html: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type EmailMessagePayload = Static<typeof EmailMessagePayload>;

/** A sequence email to send through its owner's mailbox: the queued `sequence_messages` row holds what to send. */
export const SequenceEmailPayload = Type.Object({ sequenceMessageId: Type.String({ minLength: 1 }) }, { additionalProperties: false });
export type SequenceEmailPayload = Static<typeof SequenceEmailPayload>;

/** The channels an outbox message can go through. */
export type ChannelName = "webhook" | "slack" | "email" | "sequence-email";
