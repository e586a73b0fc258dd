import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp } from "../../../../test/support/http.js";
import { workspaceEvents } from "../../../../test/support/workspace-events.js";
import { changeUser } from "../../../services/users/change-user.js";
import { createUser } from "../../../services/users/create-user.js";

const CALENDAR = { timezone: "America/New_York", weeklyHours: { "1": [[480, 1080]], "2": [[480, 1080]] }, holidays: ["2026-07-03"] };
const SLACK_URL = "https://hooks.slack.com/services/T000/B000/secretpart";

describe.each(ENGINES)("workspace settings API on %s", (engine) => {
  let t: TestApp;
  let formerRepId: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    formerRepId = (await createUser(t.ctx, { email: "former@team.example", name: "Fred Former", role: "rep" }, "test")).id;
    await changeUser(t.ctx, formerRepId, { isActive: false }, "test");
  });
  afterAll(() => t.destroy());

  const get = (caller: "admin" | "manager" | "rep") => t.app.inject({ method: "GET", url: "/api/v1/settings", headers: t.as[caller].headers });
  const patch = (payload: object, caller: "admin" | "manager" = "admin") => t.app.inject({ method: "PATCH", url: "/api/v1/settings", headers: t.as[caller].headers, payload });

  it("starts with office hours in UTC, no fallback pool, no Slack and no booking webhook secrets", async () => {
    expect((await get("admin")).json()).toEqual({
      repsSeeAllLeads: false,
      businessCalendar: { timezone: "UTC", weeklyHours: { 1: [[540, 1020]], 2: [[540, 1020]], 3: [[540, 1020]], 4: [[540, 1020]], 5: [[540, 1020]] }, holidays: [] },
      fallbackPool: null,
      slackWebhookUrl: null,
      calcomWebhookSecretIsSet: false,
      calendlyWebhookSigningKeyIsSet: false,
      companyName: null,
      inboundEmailSecretIsSet: false,
      outOfOfficeResumeDays: 7,
    });
  });

  it("sets the business calendar, the fallback pool and the Slack URL", async () => {
    const fallbackPool = { userIds: [t.as.rep.userId, t.as.otherRep.userId], strategy: "weighted_round_robin" };
    const changed = await patch({ businessCalendar: CALENDAR, fallbackPool, slackWebhookUrl: SLACK_URL });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({ repsSeeAllLeads: false, businessCalendar: CALENDAR, fallbackPool, slackWebhookUrl: SLACK_URL, calcomWebhookSecretIsSet: false, calendlyWebhookSigningKeyIsSet: false, companyName: null, inboundEmailSecretIsSet: false, outOfOfficeResumeDays: 7 });
    expect((await get("admin")).json()).toEqual(changed.json());

    const [event] = (await workspaceEvents(t.ctx.db, "settings_changed")).filter((e) => "slackWebhookUrl" in (e.data.changed as object));
    expect(event!.data.changed).toMatchObject({ slackWebhookUrl: { from: null, to: "https://hooks.slack.com/…" }, fallbackPool: { from: null, to: fallbackPool } });
    expect(JSON.stringify(event)).not.toContain("secretpart");

    const cleared = await patch({ fallbackPool: null, slackWebhookUrl: null });
    expect(cleared.json()).toMatchObject({ fallbackPool: null, slackWebhookUrl: null, businessCalendar: CALENDAR });
  });

  it("shows the Slack URL only to those who may change settings: it is the credential that posts to the channel", async () => {
    await patch({ slackWebhookUrl: SLACK_URL });
    expect((await get("admin")).json().slackWebhookUrl).toBe(SLACK_URL);
    for (const caller of ["manager", "rep"] as const) {
      const seen = (await get(caller)).json();
      expect(seen).not.toHaveProperty("slackWebhookUrl");
      expect(seen.businessCalendar).toEqual(CALENDAR);
    }
    await patch({ slackWebhookUrl: null });
  });

  it("takes booking webhook secrets but shows nobody more than whether they are set, nor logs them", async () => {
    const changed = await patch({ calcomWebhookSecret: "cal-secret-4f9a", calendlyWebhookSigningKey: "calendly-key-81be" });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ calcomWebhookSecretIsSet: true, calendlyWebhookSigningKeyIsSet: true });
    for (const caller of ["admin", "manager", "rep"] as const) {
      const seen = (await get(caller)).json();
      expect(seen).toMatchObject({ calcomWebhookSecretIsSet: true, calendlyWebhookSigningKeyIsSet: true });
      expect(JSON.stringify(seen)).not.toMatch(/cal-secret|calendly-key/);
    }
    const events = await workspaceEvents(t.ctx.db, "settings_changed");
    expect(events.at(-1)!.data.changed).toEqual({ calcomWebhookSecret: { from: null, to: "(set)" }, calendlyWebhookSigningKey: { from: null, to: "(set)" } });
    expect(JSON.stringify(events)).not.toMatch(/cal-secret|calendly-key/);
    expect((await patch({ calcomWebhookSecret: null })).json()).toMatchObject({ calcomWebhookSecretIsSet: false, calendlyWebhookSigningKeyIsSet: true });
  });

  it.each([
    [{ calcomWebhookSecret: " pasted-with-space" }, "calcomWebhookSecret", "spaces"],
    [{ calendlyWebhookSigningKey: "   " }, "calendlyWebhookSigningKey", "blank"],
    [{ businessCalendar: { ...CALENDAR, timezone: "Atlantis/Capital" } }, "businessCalendar.timezone", "IANA"],
    [{ businessCalendar: { ...CALENDAR, weeklyHours: {} } }, "businessCalendar.weeklyHours", "at least one"],
    [{ businessCalendar: { ...CALENDAR, weeklyHours: { "3": [[600, 540]] } } }, "businessCalendar.weeklyHours.3", "start < end"],
    [{ businessCalendar: { ...CALENDAR, weeklyHours: { "3": [[0, 1441]] } } }, "businessCalendar.weeklyHours.3.0.1", ""],
    [{ businessCalendar: { ...CALENDAR, holidays: ["July 4th"] } }, "businessCalendar.holidays", "YYYY-MM-DD"],
    [{ businessCalendar: { timezone: "UTC", weeklyHours: { "1": [[0, 60]] } } }, "businessCalendar.holidays", ""],
    [{ fallbackPool: { userIds: ["user_nobody"], strategy: "round_robin" } }, "fallbackPool.userIds.0", "no user"],
    [{ fallbackPool: { userIds: ["FORMER"], strategy: "round_robin" } }, "fallbackPool.userIds.0", "deactivated"],
    [{ fallbackPool: { userIds: [], strategy: "round_robin" } }, "fallbackPool.userIds", "at least one"],
    [{ fallbackPool: { userIds: ["FORMER"], strategy: "whoever" } }, "fallbackPool.strategy", ""],
    [{ slackWebhookUrl: "http://hooks.slack.com/services/x" }, "slackWebhookUrl", "https"],
    [{ slackWebhookUrl: "hooks.slack.com/services/x" }, "slackWebhookUrl", "absolute"],
    [{ slackWebhook: SLACK_URL }, "slackWebhook", "not a known field"],
  ])("refuses %j with a problem naming %s", async (payload, field, words) => {
    const before = (await get("admin")).json();
    const response = await patch(JSON.parse(JSON.stringify(payload).replaceAll('"FORMER"', JSON.stringify(formerRepId))));
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json()).toMatchObject({ code: "invalid", field, detail: expect.stringContaining(words) });
    expect((await get("admin")).json()).toEqual(before);
  });

  it("leaves changing settings to admins", async () => {
    const response = await patch({ businessCalendar: CALENDAR }, "manager");
    expect(response.statusCode).toBe(403);
  });
});
