import type { Static } from "typebox";
import type { NextStep } from "../../../domain/pipeline/lead-pipeline.js";
import type { NextStepDto } from "./next-steps.schemas.js";

/** A lead's next step as the API shows it. */
export function presentNextStep(nextStep: NextStep): Static<typeof NextStepDto> {
  return { action: nextStep.action, dueAt: nextStep.dueAt, ownerId: nextStep.ownerId, setAt: nextStep.setAt, status: nextStep.status };
}
