import { type Static, Type } from "typebox";
import { BusinessCalendarSchema } from "../availability/business-calendar.schemas.js";
import { RoutingTargetSchema } from "../routing/routing-rules.schemas.js";

const descriptions = {
  repsSeeAllLeads: "Reps see every lead, not just the ones they own.",
  businessCalendar: "The team's open hours and holidays: business-time SLAs count only these.",
  fallbackPool: "Where leads go when no rule matches or nobody in its pool is available; null: the unassigned queue.",
  slackWebhookUrl: "Slack incoming webhook (https) for team notifications; null: no Slack.",
  calcomWebhookSecret: "Secret of the Cal.com webhook that posts to /api/v1/webhooks/calcom (it signs X-Cal-Signature-256); null: refuse Cal.com deliveries. Never shown again.",
  calendlyWebhookSigningKey: "Signing key of the Calendly webhook subscription that posts to /api/v1/webhooks/calendly; null: refuse Calendly deliveries. Never shown again.",
};

const fallbackPool = Type.Union([RoutingTargetSchema, Type.Null()], { description: descriptions.fallbackPool });
const slackWebhookUrl = Type.Union([Type.String({ minLength: 1, maxLength: 500 }), Type.Null()], { description: descriptions.slackWebhookUrl });
const webhookSecret = (description: string) => Type.Union([Type.String({ minLength: 1, maxLength: 500 }), Type.Null()], { description });

export const SettingsDto = Type.Object({
  repsSeeAllLeads: Type.Boolean({ description: descriptions.repsSeeAllLeads }),
  businessCalendar: Type.Object(BusinessCalendarSchema.properties, { description: descriptions.businessCalendar }),
  fallbackPool,
  // The URL is the credential that posts to the channel: only those who may change settings see it.
  slackWebhookUrl: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: `${descriptions.slackWebhookUrl} Shown only to callers who may change settings.` })),
  // Webhook secrets are write-only: the API says whether one is set, never what it is.
  calcomWebhookSecretIsSet: Type.Boolean({ description: "A Cal.com webhook secret is set, so signed Cal.com bookings are accepted." }),
  calendlyWebhookSigningKeyIsSet: Type.Boolean({ description: "A Calendly signing key is set, so signed Calendly bookings are accepted." }),
});

export const ChangeSettingsBody = Type.Object(
  {
    repsSeeAllLeads: Type.Optional(Type.Boolean({ description: descriptions.repsSeeAllLeads })),
    businessCalendar: Type.Optional(BusinessCalendarSchema),
    fallbackPool: Type.Optional(fallbackPool),
    slackWebhookUrl: Type.Optional(slackWebhookUrl),
    calcomWebhookSecret: Type.Optional(webhookSecret(descriptions.calcomWebhookSecret)),
    calendlyWebhookSigningKey: Type.Optional(webhookSecret(descriptions.calendlyWebhookSigningKey)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export type SettingsDtoType = Static<typeof SettingsDto>;
