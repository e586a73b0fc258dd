import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../config.js";
import { DomainError } from "../../domain/errors.js";
import { buildApp } from "../../http/build-app.js";
import { ENGINES, openTestDatabase, type TestDatabase, testContext } from "../../../test/support/engines.js";
import { createUser } from "../users/create-user.js";
import { completeSetup } from "./complete-setup.js";
import { SETUP_TOKEN_TTL_MS, startSetupIfNoUsers } from "./start-setup.js";

const SESSION_TTL_HOURS = 24;
const firstAdmin = { name: "Frida First", email: "Frida@Example.com", password: "first-admin-password" };

async function workspaceEventTypes(database: TestDatabase): Promise<string[]> {
  const rows = await database.db.selectFrom("events").select("type").where("lead_id", "is", null).orderBy("id").execute();
  return rows.map((row) => row.type);
}

describe.each(ENGINES)("first-run setup on %s", (engine) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(engine);
  });
  afterEach(() => database.destroy());

  it("issues a token only while there are no users, and stores only its hash", async () => {
    const ctx = testContext(database.db);
    const token = await startSetupIfNoUsers(ctx);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await database.db.selectFrom("setup_tokens").selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(token!);
    await createUser(ctx, { email: "someone@example.com", name: "Some One", role: "rep" }, "test");
    expect(await startSetupIfNoUsers(ctx)).toBeNull();
  });

  it("creates the first admin, logs them in and uses the token up", async () => {
    const ctx = testContext(database.db);
    const token = (await startSetupIfNoUsers(ctx))!;
    const { user, session } = await completeSetup(ctx, { token, ...firstAdmin }, SESSION_TTL_HOURS);
    expect(user).toMatchObject({ email: "frida@example.com", role: "admin", isActive: true });
    expect(session.expiresAt).toBe(ctx.clock.now() + SESSION_TTL_HOURS * 3600_000);
    expect(await workspaceEventTypes(database)).toEqual(["setup_started", "user_created", "setup_completed"]);
    const again = completeSetup(ctx, { token, ...firstAdmin, email: "other@example.com" }, SESSION_TTL_HOURS);
    await expect(again).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses an unknown or expired token, naming the token field", async () => {
    const ctx = testContext(database.db);
    const token = (await startSetupIfNoUsers(ctx))!;
    await expect(completeSetup(ctx, { token: "wrong", ...firstAdmin }, SESSION_TTL_HOURS)).rejects.toMatchObject({ code: "invalid", field: "token" });
    ctx.clock.advance(SETUP_TOKEN_TTL_MS);
    const expired = await completeSetup(ctx, { token, ...firstAdmin }, SESSION_TTL_HOURS).catch((error: unknown) => error);
    expect(expired).toBeInstanceOf(DomainError);
    expect(expired).toMatchObject({ code: "invalid", field: "token" });
    expect(await database.db.selectFrom("users").selectAll().execute()).toEqual([]);
  });

  it("POST /api/v1/auth/setup answers 201 with a session once, then 409", async () => {
    const ctx = testContext(database.db);
    const app = await buildApp({ ctx, config: parseConfig({}) });
    try {
      const token = (await startSetupIfNoUsers(ctx))!;
      const weak = await app.inject({ method: "POST", url: "/api/v1/auth/setup", payload: { token, ...firstAdmin, password: "short" } });
      expect(weak.json()).toMatchObject({ status: 400, field: "password" });
      const first = await app.inject({ method: "POST", url: "/api/v1/auth/setup", payload: { token, ...firstAdmin } });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ user: { email: "frida@example.com", role: "admin" }, csrfToken: expect.any(String) });
      const cookie = first.cookies.find((c) => c.name === "closeloop_session")!;
      const session = await app.inject({ method: "GET", url: "/api/v1/auth/session", headers: { cookie: `closeloop_session=${cookie.value}` } });
      expect(session.json().user.role).toBe("admin");
      const second = await app.inject({ method: "POST", url: "/api/v1/auth/setup", payload: { token, ...firstAdmin, email: "late@example.com" } });
      expect(second.statusCode).toBe(409);
    } finally {
      await app.close();
    }
  });
});
