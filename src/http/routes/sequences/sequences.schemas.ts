import { type Static, Type } from "typebox";
import { SEQUENCE_LIMITS, type SequencePurpose, STEP_CHANNELS } from "../../../domain/sequences/sequence.js";
import { IsoInstant } from "../../instants.js";
import { Nullable } from "../../nullable.js";

const SEQUENCE_PURPOSES: readonly SequencePurpose[] = ["follow_up", "nurture"];
const MINUTES_PER_DAY = 24 * 60;
const id = Type.String({ minLength: 1, maxLength: 100 });

export const SendWindowSchema = Type.Object(
  {
    startMinute: Type.Integer({ minimum: 0, maximum: MINUTES_PER_DAY, description: "Minutes after local midnight the window opens (inclusive): 540 is 9:00." }),
    endMinute: Type.Integer({ minimum: 0, maximum: MINUTES_PER_DAY, description: "Minutes after local midnight it closes (exclusive), after startMinute: 1020 is 17:00." }),
    weekdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, description: "ISO weekdays it is open on: 1 = Monday … 7 = Sunday." }),
  },
  { additionalProperties: false, description: "When the step may go out, in the lead's time zone (its custom field `timezone`, else the owner's, else UTC). Default: 9:00–17:00, Monday to Friday." },
);

const channel = Type.Enum(STEP_CHANNELS, { description: "email: sent automatically from the owner's mailbox; call, linkedin or sms: a task in the owner's queue." });
const dayOffset = Type.Integer({ minimum: 0, maximum: SEQUENCE_LIMITS.maxDayOffset, description: "Calendar days after enrolment (lead time) the step falls due; never less than the step before." });

export const SequenceStepInput = Type.Object(
  {
    dayOffset,
    channel,
    subject: Type.Optional(Type.String({ maxLength: SEQUENCE_LIMITS.maxSubjectLength, description: "Email steps: the subject, a Liquid template. Left out on task steps." })),
    body: Type.String({ maxLength: SEQUENCE_LIMITS.maxBodyLength, description: "Email steps: the plain-text body, a Liquid template (see GET /api/v1/sequences/variables). Task steps: what the owner should do." }),
    window: Type.Optional(SendWindowSchema),
    proofAssetIds: Type.Optional(Type.Array(id, { maxItems: 10, description: "Proof assets listed (title and link) under the email body; default none." })),
  },
  { additionalProperties: false },
);

export const SequenceBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: SEQUENCE_LIMITS.maxNameLength, description: "Unique among sequences." }),
    purpose: Type.Optional(Type.Enum(SEQUENCE_PURPOSES, { description: "follow_up (default): runs once, then moves the lead to its nurture sequence; nurture: the long-term sequence, may repeat." })),
    steps: Type.Array(SequenceStepInput, { minItems: 1, maxItems: SEQUENCE_LIMITS.maxSteps, description: "In order of dayOffset." }),
    nurtureSequenceId: Type.Optional(Nullable(id, "Follow-up sequences: the nurture sequence a lead moves to when this one ends without a reply; null: none.")),
    repeatEveryDays: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: SEQUENCE_LIMITS.maxRepeatEveryDays }), "Nurture sequences: start over this many days after the last step; null: end there.")),
  },
  { additionalProperties: false, description: "A whole sequence; saving checks every template (an unknown variable is refused naming the step's field)." },
);

const SequenceStepDto = Type.Object({
  dayOffset: Type.Integer(),
  channel,
  subject: Type.String(),
  body: Type.String(),
  window: SendWindowSchema,
  proofAssetIds: Type.Array(Type.String()),
});

export const SequenceDto = Type.Object({
  id: Type.String(),
  name: Type.String(),
  purpose: Type.Enum(SEQUENCE_PURPOSES),
  steps: Type.Array(SequenceStepDto),
  nurtureSequenceId: Type.Union([Type.String(), Type.Null()]),
  repeatEveryDays: Type.Union([Type.Integer(), Type.Null()]),
  isArchived: Type.Boolean({ description: "Archived sequences take no new leads; archiving stopped the leads in them." }),
  createdAt: IsoInstant(),
  updatedAt: IsoInstant(),
});

export const SequenceListResponse = Type.Object({ items: Type.Array(SequenceDto, { description: "By name." }) });

export const SequenceListQuery = Type.Object(
  { includeArchived: Type.Optional(Type.Boolean({ default: false, description: "Also list archived sequences." })) },
  { additionalProperties: false },
);

export const SequenceIdParams = Type.Object({ id }, { additionalProperties: false });

export const PreviewStepBody = Type.Object(
  { leadId: Type.String({ minLength: 1, maxLength: 100, description: "A lead you may see; its fields and owner fill the template." }), step: SequenceStepInput },
  { additionalProperties: false },
);

export const PreviewStepResponse = Type.Object({
  subject: Type.String({ description: "Empty for task steps." }),
  text: Type.String({ description: "The body as the lead would read it, proof assets listed under it (task steps: the owner's instructions)." }),
});

export const TemplateVariableListResponse = Type.Object({
  items: Type.Array(Type.Object({ name: Type.String({ description: "As written in a template: `{{ lead.firstName }}`." }), description: Type.String() })),
});

export type SequenceBodyType = Static<typeof SequenceBody>;
export type SequenceStepInputType = Static<typeof SequenceStepInput>;
export type SequenceDtoType = Static<typeof SequenceDto>;
