import { type Static, Type } from "typebox";
import { QUALIFICATION_STATUSES } from "../../../domain/pipeline/lead-pipeline.js";
import { IsoInstant } from "../../instants.js";
import { NextStepDto } from "../next-steps/next-steps.schemas.js";
import { StageDefinitionDto } from "../pipeline/pipeline.schemas.js";

const NullableString = Type.Union([Type.String(), Type.Null()]);
const Amount = (description: string) => Type.Union([Type.Number(), Type.Null()], { description: `${description} Major currency units.` });

const RecordedReason = (kind: "lost" | "disqualified") =>
  Type.Object({
    kind: Type.Literal(kind),
    reason: Type.Union([Type.String(), Type.Null()], { description: "The reason key; null when closed without one." }),
    label: Type.Union([Type.String(), Type.Null()], { description: "The reason's configured label (its key when no longer listed)." }),
    note: NullableString,
  });

export const LeadPipelineDto = Type.Object({
  stage: StageDefinitionDto,
  stageEnteredAt: IsoInstant("When the lead entered its stage (capture, until it first moves)."),
  daysInStage: Type.Integer({ minimum: 0 }),
  isStalled: Type.Boolean({ description: "Open and longer in the stage than its maxDaysInStage." }),
  qualificationStatus: Type.Enum(QUALIFICATION_STATUSES),
  costOfInaction: NullableString,
  nextStep: Type.Union([NextStepDto, Type.Null()]),
  proposal: Type.Union([
    Type.Object({ amount: Type.Number(), sentAt: Type.Union([IsoInstant(), Type.Null()]), isExpectationMismatch: Type.Boolean() }),
    Type.Null(),
  ]),
  value: Amount("Deal value: the proposal amount, then the won amount."),
  outcome: Type.Union([Type.Object({ kind: Type.Literal("won"), amount: Amount("The won amount.") }), RecordedReason("lost"), RecordedReason("disqualified"), Type.Null()], {
    description: "How the deal ended; null while the lead is open.",
  }),
  replyWaitingSince: Type.Union([IsoInstant(), Type.Null()], { description: "When the lead's unanswered message came; null when nobody owes them a reply." }),
});

export type LeadPipelineDtoType = Static<typeof LeadPipelineDto>;
