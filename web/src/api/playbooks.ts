import type { PlaybookBodyType, PlaybookDtoType } from "../../../src/http/routes/playbooks/playbooks.schemas.js";
import { apiRequest } from "./client.js";

/**
 * What to do with leads of one intent level (optionally from one source): the SLA policy to
 * apply, the sequence to enrol and the stage guidance the lead page shows; typed from the
 * playbooks route's schema (timestamps ISO 8601, a null source: any source).
 */
export type Playbook = PlaybookDtoType;

/** What the form saves: the whole playbook (it sends every field, null for none). */
export type PlaybookInput = Omit<Playbook, "id" | "createdAt" | "updatedAt">;

/** The input as the route's body type, so the compiler checks the two agree. */
const bodyOf = (input: PlaybookInput): PlaybookBodyType => input;

const PLAYBOOKS = "/api/v1/playbooks";
const playbookPath = (id: string) => `${PLAYBOOKS}/${encodeURIComponent(id)}`;

/** Every playbook. */
export async function listPlaybooks(signal?: AbortSignal): Promise<Playbook[]> {
  const page = await apiRequest<{ items: Playbook[] }>(PLAYBOOKS, { signal });
  return page.items;
}

export async function createPlaybook(input: PlaybookInput): Promise<Playbook> {
  return apiRequest<Playbook>(PLAYBOOKS, { method: "POST", body: bodyOf(input) });
}

/** Replaces the playbook; it applies to leads whose intent level changes from now on. */
export async function savePlaybook(id: string, input: PlaybookInput): Promise<Playbook> {
  return apiRequest<Playbook>(playbookPath(id), { method: "PUT", body: bodyOf(input) });
}

export async function deletePlaybook(id: string): Promise<void> {
  await apiRequest<void>(playbookPath(id), { method: "DELETE" });
}
