import { DomainError } from "../../domain/errors.js";
import type { Playbook } from "../../domain/scoring/playbook.js";
import type { Executor } from "../../store/engine.js";
import { findPlaybook, listPlaybooks as listStoredPlaybooks } from "../../store/playbooks.js";
import type { ServiceContext } from "../context.js";

/** The error for an unknown playbook id. */
export function playbookNotFound(id: string): DomainError {
  return new DomainError("not_found", { field: "id", message: `id: no playbook ${id}` });
}

/** One playbook by id; `not_found` when there is none. */
export async function getPlaybook(ctx: ServiceContext, id: string): Promise<Playbook> {
  return findPlaybookOrFail(ctx.db, id);
}

/** Every playbook, by intent level then source (a source's own before any source). Everyone may read them. */
export async function listPlaybooks(ctx: ServiceContext): Promise<Playbook[]> {
  return listStoredPlaybooks(ctx.db);
}

export async function findPlaybookOrFail(db: Executor, id: string): Promise<Playbook> {
  const playbook = await findPlaybook(db, id);
  if (!playbook) throw playbookNotFound(id);
  return playbook;
}
