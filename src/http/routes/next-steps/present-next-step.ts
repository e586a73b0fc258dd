import type { Static } from "typebox";
import type { NextStep } from "../../../domain/pipeline/lead-pipeline.js";
import type { NextStepInput } from "../../../domain/pipeline/next-step.js";
import { isoOf, msOf } from "../../instants.js";
import type { NextStepBodyType, NextStepDto } from "./next-steps.schemas.js";

/** A lead's next step as the API shows it. */
export function presentNextStep(nextStep: NextStep): Static<typeof NextStepDto> {
  return { action: nextStep.action, dueAt: isoOf(nextStep.dueAt), ownerId: nextStep.ownerId, setAt: isoOf(nextStep.setAt), status: nextStep.status };
}

/** A next step as the API takes it (`dueAt` ISO 8601) as the services take it (epoch ms); `prefix` names where it sat in the body. */
export function nextStepInputOf(body: NextStepBodyType, prefix?: string): NextStepInput {
  return { ...body, dueAt: msOf(body.dueAt, prefix ? `${prefix}.dueAt` : "dueAt") };
}
