import type { Actor } from "../../domain/lead/lead-event.js";
import { appendEvents } from "../../store/events.js";
import { readSettings, type WorkspaceSettings, writeSetting } from "../../store/settings.js";
import type { ServiceContext } from "../context.js";
import { checkSettingsChanges, isSecretSetting, redactedSecret, redactedSlackUrl } from "./check-settings.js";

/**
 * Checks and writes the settings that differ from the current ones and appends
 * `settings_changed` with each from → to (the Slack URL and webhook secrets redacted: the log is not a secret store).
 */
export async function updateSettings(ctx: ServiceContext, changes: Partial<WorkspaceSettings>, actor: Actor): Promise<WorkspaceSettings> {
  return ctx.db.transaction().execute(async (trx) => {
    await checkSettingsChanges(trx, changes);
    const before = await readSettings(trx);
    const now = ctx.clock.now();
    // Settings are JSON values (the calendar is an object): compare them as JSON, not by reference.
    const keys = (Object.keys(changes) as (keyof WorkspaceSettings)[]).filter(
      (key) => changes[key] !== undefined && JSON.stringify(changes[key]) !== JSON.stringify(before[key]),
    );
    if (keys.length === 0) return before;
    const after: WorkspaceSettings = { ...before, ...Object.fromEntries(keys.map((key) => [key, changes[key]])) };
    for (const key of keys) await writeSetting(trx, key, after[key], now);
    const logged = (settings: WorkspaceSettings, key: keyof WorkspaceSettings) =>
      key === "slackWebhookUrl" ? redactedSlackUrl(settings.slackWebhookUrl) : isSecretSetting(key) ? redactedSecret(settings[key]) : settings[key];
    const changed = Object.fromEntries(keys.map((key) => [key, { from: logged(before, key), to: logged(after, key) }]));
    await appendEvents(trx, [{ leadId: null, type: "settings_changed", actor, at: now, data: { changed } }]);
    return after;
  });
}
