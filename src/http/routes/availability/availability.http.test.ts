import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES, REFERENCE_TIME } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp } from "../../../../test/support/http.js";
import { workspaceEvents } from "../../../../test/support/workspace-events.js";
import { changeUser } from "../../../services/users/change-user.js";
import { createUser } from "../../../services/users/create-user.js";

type Caller = "manager" | "rep" | "otherRep" | "admin" | "leadsWriteKey";

const HOUR_MS = 60 * 60 * 1000;
const iso = (at: number) => new Date(at).toISOString();
const BERLIN_HOURS = { timezone: "Europe/Berlin", weeklyHours: { "1": [[480, 720], [780, 1020]], "5": [[480, 720]] }, holidays: ["2026-12-24"] };

describe.each(ENGINES)("availability API on %s", (engine) => {
  let t: TestApp;
  let formerRepId: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    formerRepId = (await createUser(t.ctx, { email: "former@team.example", name: "Fred Former", role: "rep" }, "test")).id;
    await changeUser(t.ctx, formerRepId, { isActive: false }, "test");
  });
  afterAll(() => t.destroy());

  const call = (method: "GET" | "PUT" | "POST" | "DELETE", url: string, payload?: object, caller: Caller = "manager") =>
    t.app.inject({ method, url, headers: t.as[caller].headers, ...(payload ? { payload } : {}) });
  /** Swaps the people placeholders of the tables below (built before the app exists) for their ids. */
  const withIds = (body: object) => {
    const ids: Record<string, string> = { SELF: t.as.rep.userId, OTHER: t.as.otherRep.userId, MANAGER: t.as.manager.userId, FORMER: formerRepId };
    return JSON.parse(JSON.stringify(body).replace(/"(SELF|OTHER|MANAGER|FORMER)"/g, (_, name: string) => JSON.stringify(ids[name])));
  };
  const profile = (overrides: object = {}) => ({ workingHours: BERLIN_HOURS, capacity: 20, routingWeight: 2, backupUserId: "OTHER", managerId: "MANAGER", ...overrides });
  const period = (startsIn: number, endsIn: number, note?: string) => ({ startsAt: iso(REFERENCE_TIME + startsIn), endsAt: iso(REFERENCE_TIME + endsIn), ...(note ? { note } : {}) });

  it("shows a person their own availability, with routing's defaults before anyone sets it", async () => {
    const own = await call("GET", `/api/v1/users/${t.as.otherRep.userId}/availability`, undefined, "otherRep");
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual({ userId: t.as.otherRep.userId, timezone: "UTC", workingHours: null, capacity: null, routingWeight: 1, backupUserId: null, managerId: null, openLeads: 0, outOfOffice: [] });
  });

  it("lets a manager set someone's whole profile, and records what changed", async () => {
    const set = await call("PUT", `/api/v1/users/${t.as.rep.userId}/availability`, withIds({ ...profile(), timezone: "Europe/Berlin" }));
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ userId: t.as.rep.userId, timezone: "Europe/Berlin", ...withIds(profile()) });
    expect((await call("GET", `/api/v1/users/${t.as.rep.userId}/availability`, undefined, "rep")).json()).toEqual(set.json());
    const [event] = (await workspaceEvents(t.ctx.db, "availability_changed")).filter((e) => e.data.userId === t.as.rep.userId && "changed" in e.data);
    expect(event).toMatchObject({ actor: `user:${t.as.manager.userId}`, data: { changed: { capacity: { from: null, to: 20 }, routingWeight: { from: 1, to: 2 }, timezone: { from: "UTC", to: "Europe/Berlin" } } } });

    const cleared = await call("PUT", `/api/v1/users/${t.as.rep.userId}/availability`, withIds(profile({ workingHours: null, capacity: null, backupUserId: null, managerId: null })));
    expect(cleared.json()).toMatchObject({ workingHours: null, capacity: null, backupUserId: null, managerId: null, timezone: "Europe/Berlin" });
    const full = await call("PUT", `/api/v1/users/${t.as.rep.userId}/availability`, withIds(profile({ capacity: 0 })));
    expect(full.json().capacity).toBe(0);
  });

  it("counts the person's open leads", async () => {
    await call("POST", "/api/v1/routing/rules", { name: "To Oscar", conditions: [{ field: "source", operator: "equals", value: "availability-test" }], target: { userIds: [t.as.otherRep.userId], strategy: "round_robin" } });
    await call("POST", "/api/v1/leads", { email: "open@lead.example", source: "availability-test" });
    expect((await call("GET", `/api/v1/users/${t.as.otherRep.userId}/availability`)).json().openLeads).toBe(1);
  });

  it.each([
    [profile({ backupUserId: "SELF" }), "backupUserId", "someone else"],
    [profile({ backupUserId: "user_nobody" }), "backupUserId", "no user"],
    [profile({ backupUserId: "FORMER" }), "backupUserId", "deactivated"],
    [profile({ managerId: "SELF" }), "managerId", "someone else"],
    [profile({ workingHours: { ...BERLIN_HOURS, timezone: "Mars/Olympus" } }), "workingHours.timezone", "IANA"],
    [profile({ workingHours: { ...BERLIN_HOURS, weeklyHours: { "1": [[540, 720], [700, 800]] } } }), "workingHours.weeklyHours.1", "overlap"],
    [profile({ workingHours: { ...BERLIN_HOURS, weeklyHours: { "1": [[720, 540]] } } }), "workingHours.weeklyHours.1", "start < end"],
    [profile({ workingHours: { ...BERLIN_HOURS, weeklyHours: {} } }), "workingHours.weeklyHours", "at least one"],
    [profile({ workingHours: { ...BERLIN_HOURS, weeklyHours: { "8": [[540, 720]] } } }), "workingHours.weeklyHours.8", "not a known field"],
    [profile({ workingHours: { ...BERLIN_HOURS, holidays: ["24.12.2026"] } }), "workingHours.holidays", "YYYY-MM-DD"],
    [profile({ routingWeight: 0 }), "routingWeight", ""],
    [profile({ routingWeight: 1.5 }), "routingWeight", ""],
    [profile({ capacity: -1 }), "capacity", ""],
    [profile({ timezone: "Nowhere/Special" }), "timezone", "IANA"],
    [{ workingHours: null, capacity: null, routingWeight: 1, backupUserId: null }, "managerId", ""],
  ])("refuses %j with a problem naming %s", async (body, field, words) => {
    const before = (await call("GET", `/api/v1/users/${t.as.rep.userId}/availability`)).json();
    const response = await call("PUT", `/api/v1/users/${t.as.rep.userId}/availability`, withIds(body));
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json()).toMatchObject({ code: "invalid", field, detail: expect.stringContaining(words) });
    expect((await call("GET", `/api/v1/users/${t.as.rep.userId}/availability`)).json()).toEqual(before);
  });

  it("keeps setting availability to managers and admins, and answers 404 naming id for nobody", async () => {
    expect((await call("PUT", `/api/v1/users/${t.as.rep.userId}/availability`, withIds(profile()), "rep")).statusCode).toBe(403);
    expect((await call("PUT", `/api/v1/users/${t.as.rep.userId}/availability`, withIds(profile()), "admin")).statusCode).toBe(200);
    expect((await call("GET", `/api/v1/users/${t.as.rep.userId}/availability`, undefined, "otherRep")).statusCode).toBe(403);
    expect((await call("GET", `/api/v1/users/${t.as.rep.userId}/availability`, undefined, "leadsWriteKey")).statusCode).toBe(403);
    expect((await call("PUT", "/api/v1/users/user_nobody/availability", withIds(profile()))).json()).toMatchObject({ code: "not_found", field: "id" });
    expect((await call("GET", "/api/v1/users/user_nobody/availability")).json()).toMatchObject({ code: "not_found", field: "id" });
  });

  it("lets a rep add and remove their own out-of-office, but not someone else's", async () => {
    const added = await call("POST", `/api/v1/users/${t.as.otherRep.userId}/out-of-office`, period(HOUR_MS, 49 * HOUR_MS, "  Dentist  "), "otherRep");
    expect(added.statusCode).toBe(201);
    expect(added.json()).toEqual({ id: expect.any(String), startsAt: iso(REFERENCE_TIME + HOUR_MS), endsAt: iso(REFERENCE_TIME + 49 * HOUR_MS), note: "Dentist" });
    expect((await call("GET", `/api/v1/users/${t.as.otherRep.userId}/availability`, undefined, "otherRep")).json().outOfOffice).toEqual([added.json()]);

    expect((await call("POST", `/api/v1/users/${t.as.otherRep.userId}/out-of-office`, period(0, HOUR_MS), "rep")).json()).toMatchObject({ code: "forbidden", field: "id" });
    expect((await call("DELETE", `/api/v1/users/${t.as.otherRep.userId}/out-of-office/${added.json().id}`, undefined, "rep")).statusCode).toBe(403);
    expect((await call("DELETE", `/api/v1/users/${t.as.rep.userId}/out-of-office/${added.json().id}`, undefined, "rep")).json()).toMatchObject({ code: "not_found", field: "periodId" });

    expect((await call("DELETE", `/api/v1/users/${t.as.otherRep.userId}/out-of-office/${added.json().id}`, undefined, "otherRep")).statusCode).toBe(204);
    expect((await call("DELETE", `/api/v1/users/${t.as.otherRep.userId}/out-of-office/${added.json().id}`, undefined, "otherRep")).json()).toMatchObject({ code: "not_found", field: "periodId" });
    expect((await call("GET", `/api/v1/users/${t.as.otherRep.userId}/availability`, undefined, "otherRep")).json().outOfOffice).toEqual([]);
    const events = (await workspaceEvents(t.ctx.db, "availability_changed")).filter((e) => e.data.userId === t.as.otherRep.userId);
    expect(events.map((e) => [e.actor, Object.keys(e.data).sort().join(",")])).toEqual([
      [`user:${t.as.otherRep.userId}`, "outOfOfficeAdded,userId"],
      [`user:${t.as.otherRep.userId}`, "outOfOfficeRemoved,userId"],
    ]);
  });

  it("lets a manager add and remove anyone's out-of-office", async () => {
    const added = await call("POST", `/api/v1/users/${t.as.rep.userId}/out-of-office`, period(0, HOUR_MS));
    expect(added.statusCode).toBe(201);
    expect(added.json().note).toBeNull();
    expect((await call("DELETE", `/api/v1/users/${t.as.rep.userId}/out-of-office/${added.json().id}`)).statusCode).toBe(204);
    expect((await call("POST", "/api/v1/users/user_nobody/out-of-office", period(0, HOUR_MS))).json()).toMatchObject({ code: "not_found", field: "id" });
  });

  it.each([
    [period(HOUR_MS, HOUR_MS), "endsAt", "after startsAt"],
    [period(2 * HOUR_MS, HOUR_MS), "endsAt", "after startsAt"],
    [period(-2 * HOUR_MS, -HOUR_MS), "endsAt", "in the future"],
    [period(0, 400 * 24 * HOUR_MS), "endsAt", "a year"],
    [{ startsAt: "next monday", endsAt: iso(REFERENCE_TIME + HOUR_MS) }, "startsAt", ""],
    [{ startsAt: iso(REFERENCE_TIME) }, "endsAt", ""],
    [{ ...period(0, HOUR_MS), note: "x".repeat(501) }, "note", ""],
  ])("refuses the out-of-office period %j naming %s", async (body, field, words) => {
    const response = await call("POST", `/api/v1/users/${t.as.rep.userId}/out-of-office`, body, "rep");
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "invalid", field, detail: expect.stringContaining(words) });
  });
});
