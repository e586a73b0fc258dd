import { type Static, Type } from "typebox";
import { LEAD_FIELD_MAX_LENGTH } from "../../../domain/lead/lead-limits.js";

const text = (field: keyof typeof LEAD_FIELD_MAX_LENGTH, description: string) =>
  Type.Optional(Type.Union([Type.String({ maxLength: LEAD_FIELD_MAX_LENGTH[field], description }), Type.Null()]));

/** A lead as sent in. Unknown fields are kept as custom fields. */
export const LeadCaptureBody = Type.Object(
  {
    email: text("email", "Email address; an email or a phone is required."),
    phone: text("phone", "Phone number in any format; stored as E.164."),
    name: text("name", "Full name, split into first and last name when those are not given."),
    firstName: text("firstName", "First name."),
    lastName: text("lastName", "Last name."),
    company: text("company", "Company name."),
    title: text("title", "Job title."),
    country: text("country", "Country (ISO code or name); also the region for local phone numbers."),
    source: text("source", "Where the lead came from (defaults to utmSource)."),
    campaign: text("campaign", "Campaign (defaults to utmCampaign)."),
    channel: text("channel", "Channel: form, ads, referral, import…"),
    message: text("message", "What the lead asked for, in their words."),
    utmSource: text("utmSource", "utm_source"),
    utmMedium: text("utmMedium", "utm_medium"),
    utmCampaign: text("utmCampaign", "utm_campaign"),
    utmTerm: text("utmTerm", "utm_term"),
    utmContent: text("utmContent", "utm_content"),
    custom: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: "Custom fields." })),
  },
  { additionalProperties: true, description: "Unknown fields are stored as custom fields (8 KiB in all)." },
);

export const IdempotencyHeaders = Type.Object({
  "idempotency-key": Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "Retrying with the same key and body replays the first response." })),
});

export const CaptureResponse = Type.Object({
  id: Type.String(),
  outcome: Type.Union([Type.Literal("created"), Type.Literal("merged")], { description: "merged: the lead already existed (same email or phone)." }),
});

export const MAX_BATCH_ITEMS = 1000;

export const BatchBody = Type.Object(
  { items: Type.Array(Type.Record(Type.String(), Type.Unknown()), { minItems: 1, maxItems: MAX_BATCH_ITEMS }) },
  { additionalProperties: false },
);

export const BatchItemResult = Type.Object({
  index: Type.Integer(),
  status: Type.Integer({ description: "201 created, 200 merged, 4xx rejected" }),
  id: Type.Optional(Type.String()),
  outcome: Type.Optional(Type.String()),
  error: Type.Optional(Type.Object({ code: Type.String(), field: Type.Optional(Type.String()), detail: Type.String() })),
});

export const BatchResponse = Type.Object({
  created: Type.Integer(),
  merged: Type.Integer(),
  rejected: Type.Integer(),
  results: Type.Array(BatchItemResult),
});

const nullableString = Type.Union([Type.String(), Type.Null()]);

export const LeadSlaDto = Type.Object({
  policyId: Type.String(),
  status: Type.Union([Type.Literal("running"), Type.Literal("met"), Type.Literal("breached")], { description: "breached stays breached after a late response." }),
  startedAt: Type.String({ format: "date-time" }),
  warnAt: Type.String({ format: "date-time" }),
  dueAt: Type.String({ format: "date-time" }),
  firstResponseAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
});

export const LeadDto = Type.Object({
  id: Type.String(),
  email: nullableString,
  phone: nullableString,
  firstName: nullableString,
  lastName: nullableString,
  displayName: Type.String(),
  company: nullableString,
  title: nullableString,
  country: nullableString,
  source: nullableString,
  campaign: nullableString,
  channel: nullableString,
  utm: Type.Object({ source: nullableString, medium: nullableString, campaign: nullableString, term: nullableString, content: nullableString }),
  message: nullableString,
  custom: Type.Record(Type.String(), Type.Unknown()),
  ownerId: nullableString,
  stage: Type.String(),
  isOptedOut: Type.Boolean(),
  sla: Type.Union([LeadSlaDto, Type.Null()], { description: "The speed-to-lead clock, when one was started." }),
  createdAt: Type.String({ format: "date-time" }),
  updatedAt: Type.String({ format: "date-time" }),
});

export const EventDto = Type.Object({
  id: Type.Integer(),
  type: Type.String(),
  actor: Type.String(),
  at: Type.String({ format: "date-time" }),
  data: Type.Record(Type.String(), Type.Unknown()),
});

export const LeadListQuery = Type.Object(
  {
    owner: Type.Optional(Type.String({ maxLength: 100, description: "Owner user id, or `none` for unassigned leads." })),
    stage: Type.Optional(Type.String({ maxLength: 100 })),
    source: Type.Optional(Type.String({ maxLength: 100 })),
    campaign: Type.Optional(Type.String({ maxLength: 200 })),
    createdFrom: Type.Optional(Type.String({ format: "date-time", description: "Created at or after (ISO 8601)." })),
    createdTo: Type.Optional(Type.String({ format: "date-time", description: "Created before (ISO 8601)." })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "Text in name, email or company." })),
    sort: Type.Optional(Type.Union([Type.Literal("created_desc"), Type.Literal("created_asc")], { default: "created_desc" })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: "nextCursor from the previous page." })),
  },
  { additionalProperties: false },
);

export const LeadListResponse = Type.Object({ items: Type.Array(LeadDto), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export const LeadIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });

export const LeadDetailResponse = Type.Object({ lead: LeadDto, timeline: Type.Array(EventDto) });

export type LeadDtoType = Static<typeof LeadDto>;
export type EventDtoType = Static<typeof EventDto>;
