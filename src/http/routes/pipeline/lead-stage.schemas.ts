import { Type } from "typebox";
import { QUALIFICATION_TEXT_MAX_LENGTH } from "../../../domain/qualification/qualification-answer.js";
import { IsoInstant } from "../../instants.js";
import { LeadDto } from "../leads/leads.schemas.js";
import { NextStepBody } from "../next-steps/next-steps.schemas.js";
import { ChecklistItemDto } from "./pipeline.schemas.js";

const Amount = (description: string) => Type.Number({ description: `${description} Major currency units, at most 2 decimals (12500.5).` });

export const MoveStageBody = Type.Object(
  {
    stage: Type.String({ minLength: 1, maxLength: 100, description: "Key of the stage to move to." }),
    checkedItems: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50, description: "Exit-checklist item keys of the current stage that are done (forward moves)." })),
    // Set with the move; needed forward into an open stage when the lead has no next step.
    nextStep: Type.Optional(NextStepBody),
    amount: Type.Optional(Amount("Won amount, above 0 (moves to won only).")),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "Lost reason key from the pipeline's lostReasons (moves to lost only)." })),
    note: Type.Optional(Type.String({ maxLength: QUALIFICATION_TEXT_MAX_LENGTH, description: "Words on the lost reason; needed when the reason requires a note." })),
  },
  { additionalProperties: false },
);

export const StageWarningDto = Type.Object({
  code: Type.Literal("checklist_incomplete"),
  missing: Type.Array(ChecklistItemDto, { description: "Exit-checklist items left unticked on a warn stage." }),
});

export const MoveStageResponse = Type.Object({ lead: LeadDto, warnings: Type.Array(StageWarningDto) });

export const ProposalBody = Type.Object(
  {
    amount: Amount("The proposal amount, above 0."),
    sentAt: Type.Optional(IsoInstant("When it was sent (ISO 8601); default now.")),
  },
  { additionalProperties: false },
);

export const ProposalResponse = Type.Object({
  proposal: Type.Object({
    amount: Type.Number(),
    sentAt: IsoInstant("When it was sent."),
    priceAnchor: Type.Union([Type.Number(), Type.Null()], { description: "What the lead's campaign anchored; null when it named no price." }),
    deviationPercent: Type.Union([Type.Number(), Type.Null()], { description: "Signed distance from the anchor: +30 is 30 % above it." }),
    isExpectationMismatch: Type.Boolean({ description: "Further from the anchor than the pipeline's expectationTolerancePercent." }),
  }),
});
