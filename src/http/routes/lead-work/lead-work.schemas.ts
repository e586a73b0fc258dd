import { Type } from "typebox";
import { CALL_OUTCOMES, TOUCH_CHANNELS } from "../../../domain/touches/touch.js";

// Null first: with type coercion on, Ajv would otherwise turn `null` into "" or 0 before trying the null branch.
const nullableText = (maxLength: number) => Type.Union([Type.Null(), Type.String({ maxLength })]);

export const LogTouchBody = Type.Object(
  {
    channel: Type.Union(TOUCH_CHANNELS.map((c) => Type.Literal(c))),
    direction: Type.Union([Type.Literal("in"), Type.Literal("out")]),
    outcome: Type.Optional(Type.Union([Type.Null(), ...CALL_OUTCOMES.map((o) => Type.Literal(o))])),
    durationSeconds: Type.Optional(Type.Union([Type.Null(), Type.Integer({ minimum: 0, maximum: 86_400 })])),
    notes: Type.Optional(nullableText(5000)),
  },
  { additionalProperties: false },
);

export const LogTouchResponse = Type.Object({ stoppedSlaClock: Type.Boolean({ description: "true when this touch was the lead's first response." }) });

export const HandoffChecklistDto = Type.Object(
  {
    sourceAndCampaign: Type.Optional(nullableText(500)),
    askedFor: Type.Optional(nullableText(5000)),
    qualifyingDetails: Type.Optional(nullableText(5000)),
    contentEngaged: Type.Optional(nullableText(2000)),
    recommendedNextStep: Type.Optional(nullableText(2000)),
  },
  { additionalProperties: false },
);

export const HandOffBody = Type.Object(
  {
    toUserId: Type.String({ minLength: 1, maxLength: 100 }),
    reason: Type.Optional(nullableText(500)),
    checklist: Type.Optional(HandoffChecklistDto),
  },
  { additionalProperties: false },
);

export const QueueQuery = Type.Object(
  { userId: Type.Optional(Type.String({ maxLength: 100, description: "Whose queue (managers and admins); default: your own." })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) },
  { additionalProperties: false },
);
