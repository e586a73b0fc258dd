import type { Static } from "typebox";
import type { NextStepBody, NextStepDoneBody, NextStepDto } from "../../../src/http/routes/next-steps/next-steps.schemas.js";
import { apiRequest } from "./client.js";
import { leadPath } from "./leads.js";

/** What the lead must do next, by when and who does it; `status` turns due, then overdue, on the worker's timer. */
export type NextStep = Static<typeof NextStepDto>;
/** A next step as the form sends it; the owner defaults to the lead's owner. */
export type NextStepInput = Static<typeof NextStepBody>;

const nextStepPath = (leadId: string) => `${leadPath(leadId)}/next-step`;

/** Sets the lead's next step, or reschedules the one it has. */
export async function setNextStep(leadId: string, input: NextStepInput): Promise<NextStep> {
  const answer = await apiRequest<{ nextStep: NextStep }>(nextStepPath(leadId), { method: "PUT", body: input });
  return answer.nextStep;
}

/** Marks the next step done, with what came of it and, optionally, the step that follows. */
export async function completeNextStep(leadId: string, done: Static<typeof NextStepDoneBody>): Promise<NextStep | null> {
  const answer = await apiRequest<{ nextStep: NextStep | null }>(`${nextStepPath(leadId)}/done`, { method: "POST", body: done });
  return answer.nextStep;
}
