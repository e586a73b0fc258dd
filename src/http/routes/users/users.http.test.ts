import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp } from "../../../../test/support/http.js";

describe.each(ENGINES)("users over HTTP on %s", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.destroy());

  let nextAddress = 1;
  const add = (payload: object) => t.app.inject({ method: "POST", url: "/api/v1/users", headers: t.as.admin.headers, payload });
  const change = (id: string, payload: object) => t.app.inject({ method: "PATCH", url: `/api/v1/users/${id}`, headers: t.as.admin.headers, payload });
  const logIn = (email: string, password: string) =>
    t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password }, remoteAddress: `10.1.0.${nextAddress++}` });

  it("adds a person who can then log in, and lists them", async () => {
    const added = await add({ email: " Nina@Team.Example ", name: " Nina  Novak ", role: "manager", password: "a-fine-password", timezone: "Europe/Berlin" });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ email: "nina@team.example", name: "Nina Novak", role: "manager", timezone: "Europe/Berlin", isActive: true });
    expect((await logIn("nina@team.example", "a-fine-password")).statusCode).toBe(200);
    const list = await t.app.inject({ method: "GET", url: "/api/v1/users", headers: t.as.rep.headers });
    expect(list.json().items.map((u: { email: string }) => u.email)).toContain("nina@team.example");
    expect(list.body).not.toContain("password");
  });

  it("a person added without a password cannot log in", async () => {
    expect((await add({ email: "nopass@team.example", name: "No Pass", role: "rep" })).statusCode).toBe(201);
    expect((await logIn("nopass@team.example", "")).statusCode).toBe(400);
    expect((await logIn("nopass@team.example", "anything-at-all")).statusCode).toBe(401);
  });

  it("names the field: duplicate email 409, bad role, email, timezone, short password and unknown fields 400", async () => {
    const cases: [object, number, string][] = [
      [{ email: "ADMIN@test.closeloop.dev", name: "Dup", role: "rep" }, 409, "email"],
      [{ email: "x1@team.example", name: "X", role: "boss" }, 400, "role"],
      [{ email: "not-an-email", name: "X", role: "rep" }, 400, "email"],
      [{ email: "x2@team.example", name: "X", role: "rep", timezone: "Mars/Olympus" }, 400, "timezone"],
      [{ email: "x3@team.example", name: "X", role: "rep", password: "short" }, 400, "password"],
      [{ email: "x4@team.example", name: "X", role: "rep", shoeSize: 44 }, 400, "shoeSize"],
      [{ email: "x5@team.example", name: "   ", role: "rep" }, 400, "name"],
    ];
    for (const [payload, status, field] of cases) {
      const response = await add(payload);
      expect({ status: response.statusCode, field: response.json().field }, JSON.stringify(payload)).toEqual({ status, field });
    }
  });

  it("deactivating a person ends their sessions and stops their logins", async () => {
    const { id } = (await add({ email: "leaver@team.example", name: "Lee Leaver", role: "rep", password: "leaver-password" })).json();
    const login = await logIn("leaver@team.example", "leaver-password");
    const headers = { cookie: login.headers["set-cookie"]!.toString().split(";")[0]!, "x-csrf-token": login.json().csrfToken };
    expect((await t.app.inject({ method: "GET", url: "/api/v1/leads", headers })).statusCode).toBe(200);
    expect((await change(id, { isActive: false })).json()).toMatchObject({ isActive: false });
    expect((await t.app.inject({ method: "GET", url: "/api/v1/leads", headers })).statusCode).toBe(401);
    expect((await logIn("leaver@team.example", "leaver-password")).statusCode).toBe(401);
  });

  it("a new password replaces the old one", async () => {
    const { id } = (await add({ email: "reset@team.example", name: "Reese Reset", role: "rep", password: "old-password-1" })).json();
    expect((await change(id, { password: "new-password-2", role: "manager" })).json()).toMatchObject({ role: "manager" });
    expect((await logIn("reset@team.example", "old-password-1")).statusCode).toBe(401);
    expect((await logIn("reset@team.example", "new-password-2")).statusCode).toBe(200);
  });

  it("keeps at least one active admin", async () => {
    const demote = await change(t.as.admin.userId, { role: "manager" });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().field).toBe("role");
    expect((await change(t.as.admin.userId, { isActive: false })).json().field).toBe("isActive");
    const { id } = (await add({ email: "second-admin@team.example", name: "Sam Second", role: "admin" })).json();
    expect((await change(t.as.admin.userId, { name: "Ada Admin" })).statusCode).toBe(200);
    expect((await change(id, { role: "rep" })).statusCode).toBe(200);
  });

  it("answers 404 naming id for an unknown person, 400 for an empty change", async () => {
    expect((await change("user_nope", { name: "X" })).json()).toMatchObject({ status: 404, field: "id" });
    expect((await change(t.as.rep.userId, {})).statusCode).toBe(400);
  });
});
