import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp } from "../../../../test/support/http.js";
import { startWebhookSink } from "../../../../test/support/webhook-sink.js";
import { createWebhookChannel } from "../../../channels/webhook.js";
import { enqueueLeadEvent } from "../../../services/notifications/enqueue-lead-event.js";
import { findWebhookSubscription } from "../../../store/webhook-subscriptions.js";
import { claimDueTimers, failTimer, scheduleTimer } from "../../../store/timers.js";
import { runDueWork } from "../../../worker/run-worker.js";

describe.each(ENGINES)("webhooks and dead work API on %s", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.destroy());
  const call = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: t.as.admin.headers, ...(payload ? { payload } : {}) });

  it("creates a subscription and shows its whsec_ secret once", async () => {
    const created = await call("POST", "/api/v1/webhooks", { url: "https://hooks.example.com/closeloop", eventTypes: ["lead.created", "lead.assigned"] });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ url: "https://hooks.example.com/closeloop", eventTypes: ["lead.created", "lead.assigned"], isActive: true, secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{32}$/) });
    const listed = (await call("GET", "/api/v1/webhooks")).json().items;
    expect(listed.find((w: { id: string }) => w.id === created.json().id)).not.toHaveProperty("secret");
  });

  it.each([
    [{ url: "ftp://files.example.com/x", eventTypes: ["lead.created"] }, "url", "http or https"],
    [{ url: "not a url", eventTypes: ["lead.created"] }, "url", "absolute"],
    [{ url: "https://user:pw@hooks.example.com/", eventTypes: ["lead.created"] }, "url", "password"],
    [{ url: "https://hooks.example.com/", eventTypes: [] }, "eventTypes", ""],
    [{ url: "https://hooks.example.com/", eventTypes: ["lead.exploded"] }, "eventTypes.0", ""],
    [{ url: "https://hooks.example.com/", eventTypes: ["lead.created"], secret: "mine" }, "secret", "not a known field"],
  ])("refuses %j with a problem naming %s", async (payload, field, words) => {
    const response = await call("POST", "/api/v1/webhooks", payload);
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json()).toMatchObject({ code: "invalid", field, detail: expect.stringContaining(words) });
  });

  it("changes, deactivates and deletes a subscription; an unknown id is a 404 naming id", async () => {
    const { id } = (await call("POST", "/api/v1/webhooks", { url: "https://a.example.com/", eventTypes: ["lead.created"] })).json();
    const changed = await call("PATCH", `/api/v1/webhooks/${id}`, { eventTypes: ["lead.sla_breached"], isActive: false });
    expect(changed.json()).toMatchObject({ id, eventTypes: ["lead.sla_breached"], isActive: false });
    expect((await call("PATCH", `/api/v1/webhooks/${id}`, {})).statusCode).toBe(400);
    expect((await call("DELETE", `/api/v1/webhooks/${id}`)).statusCode).toBe(204);
    const gone = await call("DELETE", `/api/v1/webhooks/${id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ code: "not_found", field: "id" });
    const events = await t.ctx.db.selectFrom("events").select("type").where("type", "like", "webhook_%").execute();
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(["webhook_created", "webhook_changed", "webhook_deleted"]));
  });

  it("shows the delivery log per attempt", async () => {
    const sink = await startWebhookSink({ statusFor: (n) => (n === 1 ? 502 : 204) });
    try {
      const { id } = (await call("POST", "/api/v1/webhooks", { url: sink.url, eventTypes: ["lead.handed_off"] })).json();
      await t.ctx.db.transaction().execute((trx) => enqueueLeadEvent(trx, { type: "lead.handed_off", leadId: "lead_1", data: {} }, t.ctx.clock.now()));
      const channels = [createWebhookChannel({ timeoutMs: 2000, clock: t.ctx.clock, findEndpoint: (subscriptionId) => findWebhookSubscription(t.ctx.db, subscriptionId) })];
      await runDueWork(t.ctx, { tasks: [], channels, random: () => 0 });
      t.ctx.clock.advance(10_000);
      await runDueWork(t.ctx, { tasks: [], channels, random: () => 0 });
      const log = (await call("GET", `/api/v1/webhooks/${id}/deliveries?limit=10`)).json().items;
      expect(log).toEqual([
        expect.objectContaining({ attempt: 2, outcome: "delivered", statusCode: 204, eventType: "lead.handed_off", messageId: sink.deliveries[1]!.id }),
        expect.objectContaining({ attempt: 1, outcome: "failed", statusCode: 502, error: "HTTP 502: try later" }),
      ]);
      expect((await call("GET", "/api/v1/webhooks/wh_nope/deliveries")).statusCode).toBe(404);
    } finally {
      await sink.close();
    }
  });

  it("lists dead work and sends it back to the worker", async () => {
    const now = t.ctx.clock.now();
    await scheduleTimer(t.ctx.db, { key: "dead:1", task: "sla-step", payload: { leadId: "lead_1" }, runAt: now }, now);
    const [timer] = (await claimDueTimers(t.ctx.db, { workerId: "w", now, limit: 100, lockMs: 1000 })).filter((c) => c.key === "dead:1");
    await failTimer(t.ctx.db, { id: timer!.id, workerId: "w", error: "boom", now, retryAt: null });
    const dead = (await call("GET", "/api/v1/work/dead")).json().items;
    expect(dead).toContainEqual(expect.objectContaining({ kind: "timer", id: timer!.id, name: "sla-step", key: "dead:1", attempts: 1, lastError: "boom" }));
    const retried = await call("POST", `/api/v1/work/dead/timer/${timer!.id}/retry`);
    expect(retried.json()).toEqual({ kind: "timer", id: timer!.id, dueAt: new Date(now).toISOString() });
    const again = await call("POST", `/api/v1/work/dead/timer/${timer!.id}/retry`);
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ field: "id" });
    expect((await call("POST", `/api/v1/work/dead/job/${timer!.id}/retry`)).json()).toMatchObject({ code: "invalid", field: "kind" });
  });
});
