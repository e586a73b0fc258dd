import { type Static, Type } from "typebox";
import { ANSWER_VALUES, QUALIFICATION_TEXT_MAX_LENGTH } from "../../../domain/qualification/qualification-answer.js";
import { IsoInstant } from "../../instants.js";

const Key = Type.String({ minLength: 1, maxLength: 100 });
const Text = (description: string) => Type.Union([Type.String({ maxLength: QUALIFICATION_TEXT_MAX_LENGTH }), Type.Null()], { description });
const NullableString = Type.Union([Type.String(), Type.Null()]);

const AnswerBody = Type.Object(
  {
    criterion: Type.String({ ...Key, description: "Key of a configured qualification criterion (GET /api/v1/pipeline)." }),
    answer: Type.Enum(ANSWER_VALUES, { description: "yes, no or unknown." }),
    notes: Type.Optional(Text("What the buyer said.")),
  },
  { additionalProperties: false },
);

export const QualificationBody = Type.Object(
  {
    answers: Type.Optional(Type.Array(AnswerBody, { maxItems: 50, description: "Criteria to answer; others keep their answers." })),
    costOfInaction: Type.Optional(Text("Why now: what waiting costs the buyer; null clears it, leaving it out keeps it.")),
  },
  { additionalProperties: false },
);

export const DisqualifyBody = Type.Object(
  {
    reason: Type.String({ ...Key, description: "Key of a configured disqualification reason." }),
    note: Type.Optional(Text("Required when the reason asks for one (such as other).")),
  },
  { additionalProperties: false },
);

const CriterionAnswerDto = Type.Object({
  criterion: Type.String(),
  label: Type.String(),
  question: Type.String(),
  answer: Type.Union([Type.Enum(ANSWER_VALUES), Type.Null()], { description: "null while unanswered." }),
  notes: NullableString,
  answeredBy: Type.Union([Type.String(), Type.Null()], { description: "Who answered: `user:<id>` or `api_key:<id>`." }),
  answeredAt: Type.Union([IsoInstant(), Type.Null()]),
});

export const QualificationDto = Type.Object({
  status: Type.String({ description: "unqualified, in_progress, qualified or disqualified." }),
  answers: Type.Array(CriterionAnswerDto, { description: "One per configured criterion, in order." }),
  costOfInaction: NullableString,
  disqualification: Type.Union([Type.Object({ reason: Type.String(), label: Type.String(), note: NullableString, at: IsoInstant("When it was disqualified.") }), Type.Null()]),
});

export type QualificationDtoType = Static<typeof QualificationDto>;
