import { hasPermission, type Principal } from "../../domain/access/permission.js";
import { DomainError, invalidField } from "../../domain/errors.js";
import type { Actor } from "../../domain/lead/lead-event.js";
import { checkPlaybookInput, isSameSource, type Playbook, type PlaybookInput } from "../../domain/scoring/playbook.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { listPlaybooks } from "../../store/playbooks.js";
import { findSequence } from "../../store/sequences.js";
import { findSlaPolicy } from "../../store/sla-policies.js";
import { isUniqueViolation } from "../../store/unique-violation.js";

/** Refuses unless the principal may edit scoring rules and playbooks (managers, admins). */
export function checkManagesPlaybooks(principal: Principal): void {
  if (!hasPermission(principal, "scoring:manage")) throw new DomainError("forbidden", { message: "This needs the \"scoring:manage\" permission." });
}

function coverage(playbook: Pick<Playbook, "intentLevel" | "source">): string {
  return `${playbook.intentLevel}-intent leads from ${playbook.source === null ? "any source" : playbook.source}`;
}

/**
 * Checks a playbook as a manager wrote it (`checkPlaybookInput`) and what it points at: its
 * SLA policy exists, its sequence exists and is not archived, and no other playbook (than
 * `selfId`) covers the same intent level and source: that is a `conflict` on `source`.
 * Returns the tidied input.
 */
export async function checkPlaybookWrite(trx: Executor, input: PlaybookInput, selfId: string | null): Promise<PlaybookInput> {
  const checked = checkPlaybookInput(input);
  if (checked.slaPolicyId !== null && !(await findSlaPolicy(trx, checked.slaPolicyId))) throw invalidField("slaPolicyId", `no SLA policy ${checked.slaPolicyId}`);
  if (checked.sequenceId !== null) {
    const sequence = await findSequence(trx, checked.sequenceId);
    if (!sequence || sequence.isArchived) throw invalidField("sequenceId", `no live sequence ${checked.sequenceId}`);
  }
  const rival = (await listPlaybooks(trx)).find((playbook) => playbook.id !== selfId && playbook.intentLevel === checked.intentLevel && isSameSource(playbook.source, checked.source));
  if (rival) throw new DomainError("conflict", { field: "source", message: `source: ${rival.name} already covers ${coverage(checked)}` });
  return checked;
}

/** Appends `playbook_saved` or `playbook_deleted` for a playbook. */
export async function appendPlaybookEvent(trx: Executor, type: "playbook_saved" | "playbook_deleted", playbook: Pick<Playbook, "id" | "name">, actor: Actor, at: number): Promise<void> {
  await appendEvents(trx, [{ leadId: null, type, actor, at, data: { playbookId: playbook.id, name: playbook.name } }]);
}

/** The unique index that keeps one playbook per intent level and source (migration 0007). */
const LEVEL_SOURCE_INDEX = "playbooks_level_source";

/**
 * Runs a playbook write; the unique indexes decide under a race: a taken name is a `conflict`
 * on `name`, a second playbook for the same intent level and source one on `source`.
 */
export async function withUniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    if (String((error as Error).message).includes(LEVEL_SOURCE_INDEX) || (error as { constraint?: string }).constraint === LEVEL_SOURCE_INDEX) {
      throw new DomainError("conflict", { field: "source", message: "source: another playbook already covers this intent level and source" });
    }
    throw new DomainError("conflict", { field: "name", message: `name: a playbook is already called ${name}` });
  }
}
