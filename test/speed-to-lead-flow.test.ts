import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ESCALATION } from "../src/domain/sla/sla-policy.js";
import { listLeadEvents } from "../src/store/events.js";
import { findLeadById } from "../src/store/leads.js";
import { saveRoutingProfile } from "../src/store/routing-profiles.js";
import { writeSetting } from "../src/store/settings.js";
import { saveRoutingRule } from "../src/store/routing-rules.js";
import { saveSlaPolicy } from "../src/store/sla-policies.js";
import { findTimerByKey } from "../src/store/timers.js";
import { insertWebhookSubscription } from "../src/store/webhook-subscriptions.js";
import { WEBHOOK_EVENT_TYPES } from "../src/domain/notifications/webhook-event-type.js";
import { runDueWork } from "../src/worker/run-worker.js";
import { createAppChannels } from "../src/worker/start-app-worker.js";
import { TIMER_TASKS } from "../src/worker/timer-tasks.js";
import { ENGINES } from "./support/engines.js";
import { createTestApp, type TestApp } from "./support/http.js";
import { type SmtpSink, startSmtpSink } from "./support/smtp-sink.js";
import { startWebhookSink, type WebhookSink } from "./support/webhook-sink.js";

const MINUTE = 60_000;

describe.each(ENGINES)("speed to lead, end to end (%s)", (engine) => {
  let t: TestApp;
  let sink: WebhookSink;
  let slack: WebhookSink;
  let mail: SmtpSink;
  const work = () => runDueWork(t.ctx, { tasks: TIMER_TASKS, channels: createAppChannels(t.ctx, t.config), random: () => 0.5 });
  const typesOf = async (leadId: string) => (await listLeadEvents(t.ctx.db, leadId)).map((e) => e.type);
  const mailTo = (email: string) => mail.messages.filter((m) => m.to.includes(email)).map((m) => m.header("subject")?.split(":")[0]);
  // Webhooks are delivered concurrently, so their arrival order is not part of the contract: compare sorted.
  const hooksFor = (leadId: string) =>
    sink.deliveries
      .map((delivery) => JSON.parse(delivery.body) as { type: string; data: { leadId: string } })
      .filter((body) => body.data.leadId === leadId)
      .map((body) => body.type)
      .sort();

  beforeAll(async () => {
    sink = await startWebhookSink();
    slack = await startWebhookSink();
    mail = await startSmtpSink();
    t = await createTestApp(engine, { env: { SMTP_URL: mail.url, MAIL_FROM: "Closeloop <alerts@closeloop.test>" } });
    await insertWebhookSubscription(t.ctx.db, {
      id: "hook_sink",
      url: sink.url,
      secret: `whsec_${Buffer.from("a secret of thirty-two bytes!!!!").toString("base64")}`,
      eventTypes: [...WEBHOOK_EVENT_TYPES],
      isActive: true,
      createdBy: null,
      createdAt: 0,
    });
    // Rita owns every lead; Oscar is her backup; Max manages her. Hot leads: 10 wall-clock minutes, warned at half.
    await saveSlaPolicy(t.ctx.db, { id: "sla_hot", name: "Hot", targetMinutes: 10, warningShare: 0.5, clock: "wall", isAutomatedResponseEnough: false, escalation: DEFAULT_ESCALATION, isDefault: false }, 0);
    await saveRoutingRule(t.ctx.db, { id: "rule_rita", name: "Demo requests", position: 1, conditions: [], target: { userIds: [t.as.rep.userId], strategy: "round_robin" }, slaPolicyId: "sla_hot", sequenceId: null, isActive: true }, 0);
    await writeSetting(t.ctx.db, "slackWebhookUrl", slack.url, 0);
    await saveRoutingProfile(t.ctx.db, { userId: t.as.rep.userId, workingHours: null, capacity: null, routingWeight: 1, backupUserId: t.as.otherRep.userId, managerId: t.as.manager.userId }, 0);
  });
  afterAll(async () => {
    await t.destroy();
    await sink.close();
    await slack.close();
    await mail.close();
  });

  const capture = async (email: string) => {
    const response = await t.app.inject({ method: "POST", url: "/api/v1/leads", headers: t.as.leadsWriteKey.headers, payload: { email, name: "Hot Lead", message: "Call me today" } });
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  };

  it("assigns, notifies the owner, warns, breaches, hands off to the backup and tells the manager", async () => {
    const leadId = await capture("unanswered@example.com");
    expect((await findLeadById(t.ctx.db, leadId))?.ownerId).toBe(t.as.rep.userId);
    await work();
    expect(hooksFor(leadId)).toEqual(["lead.assigned", "lead.created"]);
    expect(mailTo(t.as.rep.email)).toEqual(["New lead assigned to you"]);
    expect(JSON.parse(slack.deliveries[0]!.body).text).toContain("New lead assigned to you");
    const signature = sink.deliveries[0]!.headers;
    expect(signature["webhook-id"]).toBeTruthy();
    expect(String(signature["webhook-signature"])).toMatch(/^v1,/);

    t.ctx.clock.advance(5 * MINUTE);
    await work();
    expect(await typesOf(leadId)).toContain("sla_warned");
    expect(mailTo(t.as.rep.email)).toContain("First response due soon");

    t.ctx.clock.advance(5 * MINUTE);
    await work();
    expect(await typesOf(leadId)).toEqual(expect.arrayContaining(["sla_breached", "escalated"]));
    expect(hooksFor(leadId)).toEqual(["lead.assigned", "lead.created", "lead.sla_breached", "lead.sla_warning"]);
    expect(mailTo(t.as.rep.email)).toContain("SLA breached");

    t.ctx.clock.advance(15 * MINUTE);
    await work();
    expect((await findLeadById(t.ctx.db, leadId))?.ownerId).toBe(t.as.otherRep.userId);
    const handoff = (await listLeadEvents(t.ctx.db, leadId)).find((e) => e.type === "handed_off")!;
    expect(handoff.data).toMatchObject({ fromUserId: t.as.rep.userId, toUserId: t.as.otherRep.userId, checklist: { askedFor: "Call me today" } });
    expect(mailTo(t.as.otherRep.email)).toEqual(["Lead handed to you"]);
    expect(hooksFor(leadId)).toContain("lead.handed_off");

    t.ctx.clock.advance(15 * MINUTE);
    await work();
    expect(mailTo(t.as.manager.email)).toEqual(["SLA breached, still no response"]);
    expect(await findTimerByKey(t.ctx.db, `sla:${leadId}`)).toBeUndefined();
    const types = await typesOf(leadId);
    expect(types.slice(0, 5)).toEqual(["created", "assigned", "sla_started", "scored", "sla_warned"]);
    // Each step ran once, whatever the number of worker passes.
    expect(types.filter((type) => type === "escalated")).toHaveLength(3);
    expect(sink.duplicateIds).toEqual([]);
  });

  it("stops the clock when the owner calls before the deadline: no warning, no breach", async () => {
    const leadId = await capture("answered@example.com");
    await work();
    t.ctx.clock.advance(2 * MINUTE);
    const call = await t.app.inject({
      method: "POST",
      url: `/api/v1/leads/${leadId}/touches`,
      headers: t.as.rep.headers,
      payload: { channel: "call", direction: "out", outcome: "connected", durationSeconds: 240 },
    });
    expect([call.statusCode, call.json()]).toEqual([201, { stoppedSlaClock: true }]);
    t.ctx.clock.advance(60 * MINUTE);
    await work();
    const types = await typesOf(leadId);
    expect(types).toEqual(["created", "assigned", "sla_started", "scored", "touch", "sla_met"]);
    expect((await listLeadEvents(t.ctx.db, leadId)).at(-1)!.data).toMatchObject({ isWithinSla: true, responseMinutes: 2 });
    const detail = await t.app.inject({ method: "GET", url: `/api/v1/leads/${leadId}`, headers: t.as.rep.headers });
    expect(detail.json().lead.sla).toMatchObject({ status: "met", policyId: "sla_hot" });
  });

  it("ends the chain for a lead disqualified before anyone answered: no warning, no breach, no escalation", async () => {
    const leadId = await capture("spam@example.com");
    await work();
    t.ctx.clock.advance(MINUTE);
    const disqualify = await t.app.inject({ method: "POST", url: `/api/v1/leads/${leadId}/disqualify`, headers: t.as.rep.headers, payload: { reason: "spam" } });
    expect(disqualify.statusCode).toBe(200);
    for (let i = 0; i < 4; i++) {
      t.ctx.clock.advance(30 * MINUTE);
      await work();
    }
    expect(await typesOf(leadId)).toEqual(["created", "assigned", "sla_started", "scored", "disqualified"]);
    expect(await findTimerByKey(t.ctx.db, `sla:${leadId}`)).toBeUndefined();
  });

  it("does not let a rep log touches on someone else's lead", async () => {
    const leadId = await capture("not-yours@example.com");
    const response = await t.app.inject({ method: "POST", url: `/api/v1/leads/${leadId}/touches`, headers: t.as.otherRep.headers, payload: { channel: "call", direction: "out" } });
    expect(response.statusCode).toBe(404);
  });
});
