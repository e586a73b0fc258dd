import { Type } from "typebox";
import { MAX_EXPECTATION_TOLERANCE_PERCENT, MAX_OVERDUE_AFTER_MINUTES, PIPELINE_KEY_MAX_LENGTH } from "../../../domain/pipeline/check-pipeline-config.js";
import { MILESTONES } from "../../../domain/pipeline/pipeline-config.js";

const Key = (description: string) => Type.String({ minLength: 1, maxLength: PIPELINE_KEY_MAX_LENGTH, description });
const Label = Type.String({ minLength: 1, maxLength: 200 });
const Prose = (description: string) => Type.String({ maxLength: 2000, description });
const List = <T extends Parameters<typeof Type.Array>[0]>(items: T, maxItems: number, description: string) => Type.Array(items, { maxItems, description });

export const ChecklistItemDto = Type.Object({ key: Key("Stable key, sent back in `checkedItems`."), label: Label }, { additionalProperties: false });

export const StageDefinitionDto = Type.Object(
  {
    key: Key("Stable key stored on leads: lower-case letters, digits and _."),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    goal: Prose("What this stage is for."),
    mustHappen: Prose("What must happen in this stage."),
    talkingPoints: List(Type.String({ minLength: 1, maxLength: 500 }), 30, "What to say."),
    exitChecklist: List(ChecklistItemDto, 30, "What must be done before the lead moves on (empty for won and lost)."),
    checklistMode: Type.Union([Type.Literal("warn"), Type.Literal("block")], { description: "block refuses a forward move with items unticked; warn lets it through with a warning." }),
    maxDaysInStage: Type.Union([Type.Integer({ minimum: 1, maximum: 3650 }), Type.Null()], { description: "Days after which the lead counts as stalled; null: never (won and lost)." }),
    milestone: Type.Enum(MILESTONES, { description: "Canonical milestone for metrics: new, contacted, qualified, proposal, won or lost." }),
  },
  { additionalProperties: false },
);

const OutcomeReasonDto = Type.Object(
  { key: Key("Stable key recorded on the lead and in events."), label: Label, requiresNote: Type.Boolean({ description: "The reason needs words, like \"other\"." }) },
  { additionalProperties: false },
);

export const PipelineConfigDto = Type.Object(
  {
    stages: List(StageDefinitionDto, 30, "In order: `new` first, open stages by milestone, then one won and one lost stage."),
    qualificationCriteria: List(
      Type.Object({ key: Key("Stable key of the criterion."), label: Label, question: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }),
      30,
      "What a qualified lead has answered yes to.",
    ),
    disqualificationReasons: List(OutcomeReasonDto, 50, "Reasons a lead may be disqualified for."),
    lostReasons: List(OutcomeReasonDto, 50, "Reasons a deal may be lost for."),
    nextStepOverdueAfterMinutes: Type.Integer({ minimum: 0, maximum: MAX_OVERDUE_AFTER_MINUTES, description: "Minutes after its due time that an unfinished next step counts as overdue." }),
    expectationTolerancePercent: Type.Number({ minimum: 0, maximum: MAX_EXPECTATION_TOLERANCE_PERCENT, description: "How far a proposal may stray from its campaign's price anchor before it is flagged." }),
  },
  { additionalProperties: false },
);
