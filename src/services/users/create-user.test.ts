import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUserCredentialsByEmail } from "../../store/users.js";
import { ENGINES, openTestDatabase, type TestDatabase, testContext } from "../../../test/support/engines.js";
import { workspaceEvents } from "../../../test/support/workspace-events.js";
import { verifyPassword } from "../passwords.js";
import { createUser } from "./create-user.js";

describe.each(ENGINES)("createUser on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database.destroy());

  it("stores a normalised user with an argon2id hash and appends user_created", async () => {
    const ctx = testContext(database.db);
    const user = await createUser(ctx, { email: " Pat@Example.COM ", name: "Pat  Doe", role: "rep", password: "pat-password-1" }, "user:admin_1");
    const stored = await findUserCredentialsByEmail(database.db, "pat@example.com");
    expect(stored?.user).toEqual({ ...user, email: "pat@example.com", name: "Pat Doe", timezone: "UTC", isActive: true });
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored!.passwordHash!, "pat-password-1")).toBe(true);
    const [event] = await workspaceEvents(database.db, "user_created");
    expect(event).toEqual({ actor: "user:admin_1", at: ctx.clock.now(), data: { userId: user.id, email: "pat@example.com", name: "Pat Doe", role: "rep", hasPassword: true } });
  });

  it("refuses a second account for the same email, whatever its case, and writes nothing", async () => {
    const ctx = testContext(database.db);
    await createUser(ctx, { email: "twin@example.com", name: "Twin", role: "rep" }, "test");
    const before = (await workspaceEvents(database.db, "user_created")).length;
    await expect(createUser(ctx, { email: "TWIN@example.com", name: "Twin 2", role: "rep" }, "test")).rejects.toMatchObject({ code: "conflict", field: "email" });
    expect(await workspaceEvents(database.db, "user_created")).toHaveLength(before);
  });

  it("lets only one of two concurrent adds of the same email succeed", async () => {
    const ctx = testContext(database.db);
    const adds = await Promise.allSettled([1, 2].map((n) => createUser(ctx, { email: "race@example.com", name: `Racer ${n}`, role: "rep" }, "test")));
    expect(adds.map((a) => a.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(adds.find((a) => a.status === "rejected")).toMatchObject({ reason: { code: "conflict", field: "email" } });
  });
});
