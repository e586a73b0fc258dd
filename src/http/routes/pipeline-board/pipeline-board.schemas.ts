import { type Static, Type } from "typebox";
import { QUALIFICATION_STATUSES } from "../../../domain/pipeline/lead-pipeline.js";
import { NextStepDto } from "../next-steps/next-steps.schemas.js";
import { StageDefinitionDto } from "../pipeline/pipeline.schemas.js";

export const BoardQuery = Type.Object(
  { ownerId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "Only this person's leads; a rep who sees only their own leads may name only themselves." })) },
  { additionalProperties: false },
);

const BoardCardDto = Type.Object({
  leadId: Type.String(),
  name: Type.String({ description: "The lead's display name." }),
  company: Type.Union([Type.String(), Type.Null()]),
  ownerId: Type.Union([Type.String(), Type.Null()]),
  daysInStage: Type.Integer({ minimum: 0 }),
  isStalled: Type.Boolean({ description: "Longer in the stage than its maxDaysInStage." }),
  nextStep: Type.Union([NextStepDto, Type.Null()]),
  value: Type.Union([Type.Number(), Type.Null()], { description: "Deal value in major currency units." }),
  qualificationStatus: Type.Enum(QUALIFICATION_STATUSES),
});

const BoardColumnDto = Type.Object({
  stage: Type.Pick(StageDefinitionDto, ["key", "name", "milestone", "checklistMode", "exitChecklist", "maxDaysInStage"]),
  total: Type.Integer({ minimum: 0, description: "Leads in the column, beyond the cards shown." }),
  cards: Type.Array(BoardCardDto, { description: "Up to 50, newest in the stage first." }),
});

export const BoardResponse = Type.Object({ columns: Type.Array(BoardColumnDto, { description: "One per stage, in pipeline order; won and lost hold leads closed in the last 30 days." }) });

export type BoardColumnDtoType = Static<typeof BoardColumnDto>;
