import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { SESSION_COOKIE } from "../../auth/session-cookie.js";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, TEST_PASSWORD, type TestApp } from "../../../../test/support/http.js";
import { LOGIN_ATTEMPTS_PER_MINUTE } from "./auth.routes.js";

const HOUR_MS = 60 * 60 * 1000;

describe.each(ENGINES)("auth routes on %s", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { env: { SESSION_TTL_HOURS: "2" } });
  });
  afterAll(() => t.destroy());

  /** Each test logs in from its own address, so the per-IP login limit never couples tests. */
  let nextAddress = 1;
  const logIn = (email: string, password: string, remoteAddress = `10.0.0.${nextAddress++}`) =>
    t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password }, remoteAddress });

  const sessionHeadersOf = (response: Awaited<ReturnType<typeof logIn>>) => {
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)!;
    return { cookie: `${SESSION_COOKIE}=${cookie.value}`, "x-csrf-token": response.json().csrfToken as string };
  };

  it("logs in with the right password: session cookie (HttpOnly, SameSite=Lax, Path=/) and the user with a CSRF token", async () => {
    const response = await logIn(" Rep@Test.Closeloop.dev ", TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      user: { id: t.as.rep.userId, name: "Rita Rep", email: "rep@test.closeloop.dev", role: "rep", timezone: "UTC" },
      csrfToken: expect.any(String),
    });
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie?.secure).toBeFalsy();
    const session = await t.app.inject({ method: "GET", url: "/api/v1/auth/session", headers: { cookie: `${SESSION_COOKIE}=${cookie!.value}` } });
    expect(session.json()).toMatchObject({ user: { id: t.as.rep.userId }, csrfToken: response.json().csrfToken });
  });

  it("answers 401 with the same message for an unknown email and a wrong password", async () => {
    const unknown = await logIn("nobody@test.closeloop.dev", TEST_PASSWORD);
    const wrong = await logIn("rep@test.closeloop.dev", "not the password");
    expect([unknown.statusCode, wrong.statusCode]).toEqual([401, 401]);
    expect(unknown.headers["content-type"]).toContain("application/problem+json");
    expect(unknown.json().detail).toBe(wrong.json().detail);
    expect(unknown.cookies).toEqual([]);
  });

  it("names the field when the login body is malformed", async () => {
    const response = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: "rep@test.closeloop.dev" }, remoteAddress: "10.0.1.1" });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "invalid", field: "password" });
  });

  it(`limits login attempts to ${LOGIN_ATTEMPTS_PER_MINUTE} a minute per IP with a 429 problem`, async () => {
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_MINUTE; i++) expect((await logIn("nobody@x.dev", "whatever-at-all", "10.0.2.1")).statusCode).toBe(401);
    const limited = await logIn("nobody@x.dev", "whatever-at-all", "10.0.2.1");
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ status: 429, code: "rate_limited" });
    expect((await logIn("nobody@x.dev", "whatever-at-all", "10.0.2.2")).statusCode).toBe(401);
  });

  it("logs out: 204, the cookie is cleared and the session no longer works", async () => {
    const headers = sessionHeadersOf(await logIn("manager@test.closeloop.dev", TEST_PASSWORD));
    const logout = await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers });
    expect(logout.statusCode).toBe(204);
    expect(logout.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe("");
    expect((await t.app.inject({ method: "GET", url: "/api/v1/auth/session", headers })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: "/api/v1/leads", headers })).statusCode).toBe(401);
  });

  it("treats an expired session as anonymous, and slides the expiry while the session is used", async () => {
    const headers = sessionHeadersOf(await logIn("manager@test.closeloop.dev", TEST_PASSWORD));
    const startedAt = t.ctx.clock.now();
    // The other callers' sessions share this clock: put it back afterwards.
    onTestFinished(() => t.ctx.clock.set(startedAt));
    t.ctx.clock.advance(1.5 * HOUR_MS);
    const used = await t.app.inject({ method: "GET", url: "/api/v1/auth/session", headers });
    expect(used.statusCode).toBe(200);
    expect(used.cookies.find((c) => c.name === SESSION_COOKIE)?.expires?.getTime()).toBe(t.ctx.clock.now() + 2 * HOUR_MS);
    t.ctx.clock.advance(1.5 * HOUR_MS);
    expect((await t.app.inject({ method: "GET", url: "/api/v1/auth/session", headers })).statusCode).toBe(200);
    t.ctx.clock.advance(2 * HOUR_MS);
    expect((await t.app.inject({ method: "GET", url: "/api/v1/auth/session", headers })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: "/api/v1/users", headers })).statusCode).toBe(401);
  });

  describe("CSRF on cookie-authenticated changes", () => {
    const changeSettings = (headers: Record<string, string>) =>
      t.app.inject({ method: "PATCH", url: "/api/v1/settings", headers, payload: { repsSeeAllLeads: false } });

    it("refuses a missing token with 403 naming X-CSRF-Token", async () => {
      const { cookie } = t.as.admin.headers;
      const response = await changeSettings({ cookie: cookie! });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: "forbidden", field: "X-CSRF-Token" });
    });

    it("refuses a wrong token (another session's) with 403", async () => {
      const response = await changeSettings({ cookie: t.as.admin.headers.cookie!, "x-csrf-token": t.as.manager.headers["x-csrf-token"]! });
      expect(response.statusCode).toBe(403);
      expect(response.json().field).toBe("X-CSRF-Token");
    });

    it("accepts the session's own token", async () => {
      expect((await changeSettings(t.as.admin.headers)).statusCode).toBe(200);
    });

    it("needs no token to read, nor with an API key", async () => {
      expect((await t.app.inject({ method: "GET", url: "/api/v1/settings", headers: { cookie: t.as.rep.headers.cookie! } })).statusCode).toBe(200);
      expect((await changeSettings(t.as.adminKey.headers)).statusCode).toBe(200);
    });

    it("logout without the token is refused, so other sites cannot log people out", async () => {
      const response = await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: { cookie: t.as.otherRep.headers.cookie! } });
      expect(response.statusCode).toBe(403);
      expect((await t.app.inject({ method: "GET", url: "/api/v1/auth/session", headers: t.as.otherRep.headers })).statusCode).toBe(200);
    });
  });
});
