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
  companyName: "Your company's name as sequence emails say it ({{ company.name }}); null: templates that use it cannot be saved.",
  inboundEmailSecret: "Secret a mail provider sends with mail it forwards to /api/v1/inbound/email (header X-Inbound-Secret or ?secret=); null: refuse forwarded mail. Never shown again.",
  outOfOfficeResumeDays: "An out-of-office reply without a readable return date pauses the lead's sequence this many days (1-90).",
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
  companyName: Type.Union([Type.String(), Type.Null()], { description: descriptions.companyName }),
  inboundEmailSecretIsSet: Type.Boolean({ description: "An inbound email secret is set, so forwarded mail is accepted." }),
  outOfOfficeResumeDays: Type.Integer({ description: descriptions.outOfOfficeResumeDays }),
});

export const ChangeSettingsBody = Type.Object(
  {
    repsSeeAllLeads: Type.Optional(Type.Boolean({ description: descriptions.repsSeeAllLeads })),
    businessCalendar: Type.Optional(BusinessCalendarSchema),
    fallbackPool: Type.Optional(fallbackPool),
    slackWebhookUrl: Type.Optional(slackWebhookUrl),
    calcomWebhookSecret: Type.Optional(webhookSecret(descriptions.calcomWebhookSecret)),
    calendlyWebhookSigningKey: Type.Optional(webhookSecret(descriptions.calendlyWebhookSigningKey)),
    companyName: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 120 }), Type.Null()], { description: descriptions.companyName })),
    inboundEmailSecret: Type.Optional(webhookSecret(descriptions.inboundEmailSecret)),
    outOfOfficeResumeDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, description: descriptions.outOfOfficeResumeDays })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export type SettingsDtoType = Static<typeof SettingsDto>;
