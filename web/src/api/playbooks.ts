import { apiRequest } from "./client.js";
import type { IntentLevel } from "./scoring.js";

/**
 * What to do with leads of one intent level (optionally from one source): the SLA policy to
 * apply, the sequence to enrol and the stage guidance the lead page shows (timestamps ISO 8601).
 */
export type Playbook = {
  id: string;
  name: string;
  intentLevel: IntentLevel;
  /** Null: any source; a playbook for the lead's own source wins over one without. */
  source: string | null;
  slaPolicyId: string | null;
  sequenceId: string | null;
  stageGuidance: string | null;
  createdAt: string;
  updatedAt: string;
};

export type PlaybookInput = Omit<Playbook, "id" | "createdAt" | "updatedAt">;

const PLAYBOOKS = "/api/v1/playbooks";
const playbookPath = (id: string) => `${PLAYBOOKS}/${encodeURIComponent(id)}`;

/** Every playbook. */
export async function listPlaybooks(signal?: AbortSignal): Promise<Playbook[]> {
  const page = await apiRequest<{ items: Playbook[] }>(PLAYBOOKS, { signal });
  return page.items;
}

export async function createPlaybook(input: PlaybookInput): Promise<Playbook> {
  return apiRequest<Playbook>(PLAYBOOKS, { method: "POST", body: input });
}

/** Replaces the playbook; it applies to leads whose intent level changes from now on. */
export async function savePlaybook(id: string, input: PlaybookInput): Promise<Playbook> {
  return apiRequest<Playbook>(playbookPath(id), { method: "PUT", body: input });
}

export async function deletePlaybook(id: string): Promise<void> {
  await apiRequest<void>(playbookPath(id), { method: "DELETE" });
}
