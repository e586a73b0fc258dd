import type { Selectable } from "kysely";
import type { Playbook } from "../domain/scoring/playbook.js";
import { INTENT_LEVELS } from "../domain/scoring/scoring-config.js";
import type { Executor } from "./engine.js";
import type { PlaybookTable } from "./schema.js";

function playbookRowToPlaybook(row: Selectable<PlaybookTable>): Playbook {
  return {
    id: row.id,
    name: row.name,
    intentLevel: row.intent_level,
    source: row.source,
    slaPolicyId: row.sla_policy_id,
    sequenceId: row.sequence_id,
    stageGuidance: row.stage_guidance,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function playbookToRow(playbook: Playbook): Selectable<PlaybookTable> {
  return {
    id: playbook.id,
    name: playbook.name,
    intent_level: playbook.intentLevel,
    source: playbook.source,
    sla_policy_id: playbook.slaPolicyId,
    sequence_id: playbook.sequenceId,
    stage_guidance: playbook.stageGuidance,
    created_at: playbook.createdAt,
    updated_at: playbook.updatedAt,
  };
}

/** Adds a playbook; a taken name is a unique violation. */
export async function insertPlaybook(db: Executor, playbook: Playbook): Promise<void> {
  await db.insertInto("playbooks").values(playbookToRow(playbook)).execute();
}

/** Writes a playbook's name, intent level, source, SLA policy, sequence and guidance. */
export async function updatePlaybook(db: Executor, playbook: Playbook): Promise<void> {
  const { id, created_at: _createdAt, ...changes } = playbookToRow(playbook);
  await db.updateTable("playbooks").set(changes).where("id", "=", id).execute();
}

/** Removes a playbook; scores that named it keep their lead but lose the link (`on delete set null`). */
export async function deletePlaybook(db: Executor, id: string): Promise<void> {
  await db.deleteFrom("playbooks").where("id", "=", id).execute();
}

export async function findPlaybook(db: Executor, id: string): Promise<Playbook | undefined> {
  const row = await db.selectFrom("playbooks").selectAll().where("id", "=", id).executeTakeFirst();
  return row && playbookRowToPlaybook(row);
}

/** Every playbook: by intent level (high, medium, low), then source-specific before any source, then name. */
export async function listPlaybooks(db: Executor): Promise<Playbook[]> {
  const rows = await db.selectFrom("playbooks").selectAll().execute();
  return rows
    .map(playbookRowToPlaybook)
    .sort(
      (a, b) =>
        INTENT_LEVELS.indexOf(a.intentLevel) - INTENT_LEVELS.indexOf(b.intentLevel) ||
        Number(a.source === null) - Number(b.source === null) ||
        (a.source ?? "").localeCompare(b.source ?? "") ||
        a.name.localeCompare(b.name),
    );
}
