import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession } from "../auth/open-session.js";
import { findUserById } from "../../store/users.js";
import { ENGINES, openTestDatabase, type TestDatabase, testContext } from "../../../test/support/engines.js";
import { workspaceEvents } from "../../../test/support/workspace-events.js";
import { changeUser } from "./change-user.js";
import { createUser } from "./create-user.js";

describe.each(ENGINES)("changeUser on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database.destroy());

  const sessionCount = async (userId: string) => (await database.db.selectFrom("sessions").select("id").where("user_id", "=", userId).execute()).length;

  it("records each changed field from → to, and nothing of the password but that it changed", async () => {
    const ctx = testContext(database.db);
    const user = await createUser(ctx, { email: "mo@example.com", name: "Mo", role: "rep" }, "test");
    await openSession(database.db, user.id, ctx.clock.now(), 24);
    const changed = await changeUser(ctx, user.id, { name: "Mo Salah", role: "manager", timezone: "America/New_York", password: "mo-new-password" }, "user:boss");
    expect(changed).toMatchObject({ name: "Mo Salah", role: "manager", timezone: "America/New_York" });
    expect(await findUserById(database.db, user.id)).toEqual(changed);
    const [event] = await workspaceEvents(database.db, "user_changed");
    expect(event?.data).toEqual({
      userId: user.id,
      changed: { name: { from: "Mo", to: "Mo Salah" }, role: { from: "rep", to: "manager" }, timezone: { from: "UTC", to: "America/New_York" } },
      isPasswordChanged: true,
    });
    expect(JSON.stringify(event)).not.toContain("mo-new-password");
    expect(await sessionCount(user.id)).toBe(0);
  });

  it("keeps sessions when only the name changes; ends them on deactivation", async () => {
    const ctx = testContext(database.db);
    const user = await createUser(ctx, { email: "kim@example.com", name: "Kim", role: "rep" }, "test");
    await openSession(database.db, user.id, ctx.clock.now(), 24);
    await changeUser(ctx, user.id, { name: "Kim Lee" }, "test");
    expect(await sessionCount(user.id)).toBe(1);
    await changeUser(ctx, user.id, { isActive: false }, "test");
    expect(await sessionCount(user.id)).toBe(0);
  });

  it("refuses to leave the workspace without an active admin", async () => {
    const ctx = testContext(database.db);
    const admin = await createUser(ctx, { email: "only-admin@example.com", name: "Only", role: "admin" }, "test");
    await expect(changeUser(ctx, admin.id, { role: "rep" }, "test")).rejects.toMatchObject({ code: "conflict", field: "role" });
    await expect(changeUser(ctx, admin.id, { isActive: false }, "test")).rejects.toMatchObject({ code: "conflict", field: "isActive" });
    expect(await findUserById(database.db, admin.id)).toMatchObject({ role: "admin", isActive: true });
  });
});
