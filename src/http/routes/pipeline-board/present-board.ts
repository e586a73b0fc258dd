import { leadDisplayName } from "../../../domain/lead/lead.js";
import { amountOrNull } from "../../../domain/pipeline/deal-amount.js";
import type { BoardColumn } from "../../../services/pipeline-board/read-board.js";
import { presentNextStep } from "../next-steps/present-next-step.js";
import type { BoardColumnDtoType } from "./pipeline-board.schemas.js";

/** A board column as the API shows it: the stage's board-relevant parts, its total and its cards. */
export function presentBoardColumn(column: BoardColumn): BoardColumnDtoType {
  const { key, name, milestone, checklistMode, exitChecklist, maxDaysInStage } = column.stage;
  return {
    stage: { key, name, milestone, checklistMode, exitChecklist, maxDaysInStage },
    total: column.total,
    cards: column.cards.map(({ lead, state, daysInStage, isStalled }) => ({
      leadId: lead.id,
      name: leadDisplayName(lead),
      company: lead.company,
      ownerId: lead.ownerId,
      daysInStage,
      isStalled,
      nextStep: state.nextStep && presentNextStep(state.nextStep),
      value: amountOrNull(state.valueCents),
      qualificationStatus: state.qualificationStatus,
    })),
  };
}
