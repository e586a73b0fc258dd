import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES, openTestDatabase, type TestDatabase, testContext } from "../../../test/support/engines.js";
import { workspaceEvents } from "../../../test/support/workspace-events.js";
import { getWorkspaceSettings } from "./read-settings.js";
import { updateSettings } from "./update-settings.js";

describe.each(ENGINES)("updateSettings on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database.destroy());

  it("defaults to reps seeing only their own leads, and records a change from → to", async () => {
    const ctx = testContext(database.db);
    expect(await getWorkspaceSettings(ctx)).toMatchObject({ repsSeeAllLeads: false });
    expect(await updateSettings(ctx, { repsSeeAllLeads: true }, "user:boss")).toMatchObject({ repsSeeAllLeads: true });
    expect(await getWorkspaceSettings(ctx)).toMatchObject({ repsSeeAllLeads: true });
    expect(await workspaceEvents(database.db, "settings_changed")).toEqual([
      { actor: "user:boss", at: ctx.clock.now(), data: { changed: { repsSeeAllLeads: { from: false, to: true } } } },
    ]);
  });

  it("writes no event when nothing changes", async () => {
    const ctx = testContext(database.db);
    const before = (await workspaceEvents(database.db, "settings_changed")).length;
    await updateSettings(ctx, { repsSeeAllLeads: (await getWorkspaceSettings(ctx)).repsSeeAllLeads }, "test");
    expect(await workspaceEvents(database.db, "settings_changed")).toHaveLength(before);
  });
});
