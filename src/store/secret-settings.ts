import { type Executor, fromJsonColumn, toJsonColumn } from "./engine.js";

/**
 * A secret the workspace keeps in the settings table beside its settings but outside
 * `WorkspaceSettings` (so no settings API shows or changes it), made on first use. Two writers
 * racing to make it keep the first one stored: everyone then reads that one. `isNew`: made by this
 * call, so not committed until the caller's transaction is.
 */
export async function readOrCreateSecretSetting(db: Executor, key: string, create: () => string, at: number): Promise<{ value: string; isNew: boolean }> {
  const stored = await readSecret(db, key);
  if (stored !== undefined) return { value: stored, isNew: false };
  await db
    .insertInto("settings")
    .values({ key, value: toJsonColumn({ value: create() }), updated_at: at })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  return { value: (await readSecret(db, key))!, isNew: true };
}

async function readSecret(db: Executor, key: string): Promise<string | undefined> {
  const row = await db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
  return row && fromJsonColumn<{ value: string }>(row.value).value;
}
