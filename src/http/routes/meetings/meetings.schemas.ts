import { type Static, Type } from "typebox";
import { MEETING_OUTCOMES, MEETING_TITLE_MAX_LENGTH } from "../../../domain/meetings/meeting.js";
import { IsoInstant } from "../../instants.js";

// Null first: with type coercion on, Ajv would otherwise turn `null` into "" before trying the null branch.
const nullable = <T extends Type.TSchema>(schema: T) => Type.Union([Type.Null(), schema]);
const Notes = Type.Optional(nullable(Type.String({ maxLength: 5000 })));

export const MeetingIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });

export const BookMeetingBody = Type.Object(
  {
    startsAt: IsoInstant("When the meeting starts (ISO 8601)."),
    endsAt: Type.Optional(nullable(IsoInstant("When it ends (ISO 8601); after startsAt."))),
    title: Type.Optional(nullable(Type.String({ maxLength: MEETING_TITLE_MAX_LENGTH }))),
  },
  { additionalProperties: false },
);

export const MeetingOutcomeBody = Type.Object(
  {
    status: Type.Union(MEETING_OUTCOMES.map((outcome) => Type.Literal(outcome)), { description: "held (also logs a meeting touch), no_show or canceled." }),
    notes: Notes,
  },
  { additionalProperties: false },
);

export const ReadinessBody = Type.Object(
  {
    understandsProblem: Type.Boolean({ description: "The buyer arrived understanding the problem." }),
    understandsApproach: Type.Boolean({ description: "…and our approach to it." }),
    readyToEvaluate: Type.Boolean({ description: "…and was ready to evaluate us." }),
    notes: Notes,
  },
  { additionalProperties: false },
);

const ReadinessDto = Type.Object({
  understandsProblem: Type.Boolean(),
  understandsApproach: Type.Boolean(),
  readyToEvaluate: Type.Boolean(),
  notes: Type.Union([Type.String(), Type.Null()]),
  answeredBy: Type.String({ description: "Who answered: `user:<id>` or `api_key:<id>`." }),
  answeredAt: IsoInstant(),
});

export const MeetingDto = Type.Object({
  id: Type.String(),
  leadId: Type.String(),
  provider: Type.String({ description: "manual, calcom or calendly." }),
  title: Type.Union([Type.String(), Type.Null()]),
  startsAt: IsoInstant(),
  endsAt: Type.Union([IsoInstant(), Type.Null()], { description: "null when unknown." }),
  status: Type.String({ description: "booked, held, no_show or canceled." }),
  isFirst: Type.Boolean({ description: "The lead's first held meeting (or, while none was held, its first booked one): the readiness check is about it." }),
  readiness: Type.Union([ReadinessDto, Type.Null()], { description: "The owner's readiness check after the meeting; null until answered." }),
});

export const MeetingListResponse = Type.Object({ items: Type.Array(MeetingDto, { description: "Oldest first." }) });

export type BookMeetingBodyType = Static<typeof BookMeetingBody>;
