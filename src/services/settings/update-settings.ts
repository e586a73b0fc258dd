import type { Actor } from "../../domain/lead/lead-event.js";
import { appendEvents } from "../../store/events.js";
import { readSettings, type WorkspaceSettings, writeSetting } from "../../store/settings.js";
import type { ServiceContext } from "../context.js";

/** Writes the settings that differ from the current ones and appends `settings_changed` with each from → to. */
export async function updateSettings(ctx: ServiceContext, changes: Partial<WorkspaceSettings>, actor: Actor): Promise<WorkspaceSettings> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await readSettings(trx);
    const now = ctx.clock.now();
    const keys = (Object.keys(changes) as (keyof WorkspaceSettings)[]).filter((key) => changes[key] !== undefined && changes[key] !== before[key]);
    if (keys.length === 0) return before;
    const after: WorkspaceSettings = { ...before };
    for (const key of keys) {
      after[key] = changes[key]!;
      await writeSetting(trx, key, after[key], now);
    }
    const changed = Object.fromEntries(keys.map((key) => [key, { from: before[key], to: after[key] }]));
    await appendEvents(trx, [{ leadId: null, type: "settings_changed", actor, at: now, data: { changed } }]);
    return after;
  });
}
