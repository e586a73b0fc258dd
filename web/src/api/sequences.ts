import type { Static } from "typebox";
import type { PreviewStepResponse, SequenceBodyType, SequenceDtoType, TemplateVariableListResponse } from "../../../src/http/routes/sequences/sequences.schemas.js";
import { apiRequest } from "./client.js";

export type { SendWindow, SequencePurpose, SequenceStep, StepChannel } from "../../../src/domain/sequences/sequence.js";

/** A follow-up or nurture sequence, typed from the sequences route's schema. */
export type Sequence = SequenceDtoType;
/** What the editor saves: the whole sequence, steps in order (the editor sends every part of a step). */
export type SequenceInput = Pick<Sequence, "name" | "purpose" | "steps" | "nurtureSequenceId" | "repeatEveryDays">;

/** The input as the route's body type, so the compiler checks the two agree. */
const bodyOf = (input: SequenceInput): SequenceBodyType => input;
/** A variable templates may use, e.g. `lead.firstName`. */
export type TemplateVariable = Static<typeof TemplateVariableListResponse>["items"][number];
/** A step rendered for a real lead: the subject (empty on task steps) and the text it would send. */
export type StepPreview = Static<typeof PreviewStepResponse>;

const SEQUENCES = "/api/v1/sequences";
const sequencePath = (id: string) => `${SEQUENCES}/${encodeURIComponent(id)}`;

/** Every sequence by name; archived ones only when asked (the editor needs them, enrolment does not). */
export async function listSequences(options: { isArchivedIncluded: boolean }, signal?: AbortSignal): Promise<Sequence[]> {
  const page = await apiRequest<{ items: Sequence[] }>(SEQUENCES, { query: { includeArchived: options.isArchivedIncluded ? "true" : undefined }, signal });
  return page.items;
}

export async function createSequence(input: SequenceInput): Promise<Sequence> {
  return apiRequest<Sequence>(SEQUENCES, { method: "POST", body: bodyOf(input) });
}

/** Replaces the sequence as a whole; leads in it carry on at their step number. */
export async function saveSequence(id: string, input: SequenceInput): Promise<Sequence> {
  return apiRequest<Sequence>(sequencePath(id), { method: "PUT", body: bodyOf(input) });
}

/** Archives the sequence: nobody new is enrolled and the leads in it stop. */
export async function archiveSequence(id: string): Promise<Sequence> {
  return apiRequest<Sequence>(`${sequencePath(id)}/archive`, { method: "POST" });
}

/** The variables subject and body templates may use. */
export async function listTemplateVariables(signal?: AbortSignal): Promise<TemplateVariable[]> {
  const page = await apiRequest<{ items: TemplateVariable[] }>(`${SEQUENCES}/variables`, { signal });
  return page.items;
}

/** Renders a step, as edited and unsaved, for a real lead; a variable empty on that lead is a problem (ApiError naming `step.body`). */
export async function previewStep(leadId: string, step: Sequence["steps"][number]): Promise<StepPreview> {
  return apiRequest<StepPreview>(`${SEQUENCES}/preview`, { method: "POST", body: { leadId, step } });
}
