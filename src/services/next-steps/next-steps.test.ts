import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Type } from "typebox";
import type { Channel, OutgoingMessage } from "../../channels/channel.js";
import type { Principal } from "../../domain/access/permission.js";
import { nextStepTimerKey } from "../../domain/pipeline/lead-pipeline.js";
import { listLeadEvents } from "../../store/events.js";
import { findLeadPipeline, saveLeadPipeline } from "../../store/lead-pipeline.js";
import { findLeadById } from "../../store/leads.js";
import { writeSetting } from "../../store/settings.js";
import { cancelTimer, findTimerByKey } from "../../store/timers.js";
import { insertUsers } from "../../store/users.js";
import { runDueWork } from "../../worker/run-worker.js";
import { TIMER_TASKS } from "../../worker/timer-tasks.js";
import { failureOf } from "../../../test/support/domain-failure.js";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../../test/support/engines.js";
import { buildPerson } from "../../../test/support/factories.js";
import { captureLeadOwnedBy } from "../../../test/support/owned-lead.js";
import { slaTimerKey } from "../routing/assign-new-leads.js";
import { completeNextStep } from "./complete-next-step.js";
import { setNextStep } from "./set-next-step.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SLACK_URL = "https://hooks.slack.test/next-steps";

type Sent = { channel: "email" | "slack"; payload: { to?: string[]; subject?: string; headline?: string } };

/** Email and Slack that only record what the worker hands them: the outside world, mocked. */
function recordingChannels(sent: Sent[]): Channel[] {
  const channel = (name: Sent["channel"]): Channel => ({
    name,
    payloadSchema: Type.Unknown(),
    retry: { maxAttempts: 1, backoffBaseMs: 1000, backoffMaxMs: 1000 },
    deliver: (message: OutgoingMessage<unknown>) => {
      sent.push({ channel: name, payload: message.payload as Sent["payload"] });
      return Promise.resolve({ isDelivered: true, statusCode: null });
    },
  });
  return [channel("email"), channel("slack")];
}

describe.each(ENGINES)("next steps on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  let sent: Sent[];
  let serial = 0;
  const people = { rita: "user_rita", oscar: "user_oscar", gone: "user_gone", max: "user_max" };
  const rita: Principal = { kind: "user", userId: people.rita, role: "rep" };
  const oscar: Principal = { kind: "user", userId: people.oscar, role: "rep" };
  const max: Principal = { kind: "user", userId: people.max, role: "manager" };

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await insertUsers(database.db, [buildPerson(people.rita), buildPerson(people.oscar), buildPerson(people.gone, { isActive: false }), buildPerson(people.max, { role: "manager" })]);
    await writeSetting(database.db, "slackWebhookUrl", SLACK_URL, 0);
  });
  afterAll(() => database.destroy());
  beforeEach(async () => {
    ctx = testContext(database.db);
    sent = [];
    for (const table of ["timers", "outbox"] as const) await database.db.deleteFrom(table).execute();
  });

  const work = () => runDueWork(ctx, { tasks: TIMER_TASKS, channels: recordingChannels(sent), random: () => 0.5 });
  const at = async (time: number) => {
    ctx.clock.set(time);
    await work();
  };
  const typesOf = async (leadId: string) => (await listLeadEvents(ctx.db, leadId)).map((event) => event.type).filter((type) => type.startsWith("next_step"));
  const stepOf = async (leadId: string) => (await findLeadPipeline(ctx.db, (await findLeadById(ctx.db, leadId))!)).nextStep;
  const mailSubjects = (userId: string) => sent.filter((s) => s.channel === "email" && s.payload.to?.includes(`${userId}@team.test`)).map((s) => s.payload.subject?.split(":")[0]);

  async function leadOf(ownerId: string | null): Promise<string> {
    const leadId = await captureLeadOwnedBy(ctx, ownerId, { email: `next-step-${++serial}@lead.test` });
    // Its assignment notices and speed-to-lead clock are another story: without them, every message sent here is about next steps.
    await cancelTimer(ctx.db, slaTimerKey(leadId));
    await ctx.db.deleteFrom("outbox").execute();
    return leadId;
  }

  it("reminds the owner exactly at the due time, then flags the step overdue after the grace minutes", async () => {
    const leadId = await leadOf(people.rita);
    const dueAt = ctx.clock.now() + 2 * HOUR;
    await setNextStep(ctx, rita, leadId, { action: "  Call about the pilot  ", dueAt });
    expect(await stepOf(leadId)).toMatchObject({ action: "Call about the pilot", dueAt, ownerId: people.rita, status: "scheduled" });

    await at(dueAt - 1);
    expect(await typesOf(leadId)).toEqual(["next_step_set"]);
    expect(sent).toEqual([]);

    await at(dueAt);
    expect(await stepOf(leadId)).toMatchObject({ status: "due" });
    expect(await typesOf(leadId)).toEqual(["next_step_set", "next_step_due"]);
    expect(mailSubjects(people.rita)).toEqual(["Next step due"]);
    expect(sent.filter((s) => s.channel === "slack").map((s) => s.payload.headline)).toEqual([expect.stringContaining("Next step due: Call about the pilot")]);

    // The default grace is 60 minutes.
    await at(dueAt + HOUR - 1);
    expect(await typesOf(leadId)).toEqual(["next_step_set", "next_step_due"]);
    await at(dueAt + HOUR);
    expect(await stepOf(leadId)).toMatchObject({ status: "overdue" });
    expect(await typesOf(leadId)).toEqual(["next_step_set", "next_step_due", "next_step_overdue"]);
    expect(mailSubjects(people.rita)).toEqual(["Next step due", "Next step overdue"]);
    expect(await findTimerByKey(ctx.db, nextStepTimerKey(leadId))).toBeUndefined();
  });

  it("rescheduling before the due time moves the reminder: the old time passes quietly, the new one fires", async () => {
    const leadId = await leadOf(people.rita);
    const start = ctx.clock.now();
    await setNextStep(ctx, rita, leadId, { action: "Send the case study", dueAt: start + HOUR });
    ctx.clock.set(start + 10 * MINUTE);
    await setNextStep(ctx, rita, leadId, { action: "Send the case study", dueAt: start + 3 * HOUR, ownerId: people.oscar });

    await at(start + 2 * HOUR);
    expect(await typesOf(leadId)).toEqual(["next_step_set", "next_step_rescheduled"]);
    expect(sent).toEqual([]);
    await at(start + 3 * HOUR);
    expect(await typesOf(leadId)).toEqual(["next_step_set", "next_step_rescheduled", "next_step_due"]);
    expect(mailSubjects(people.oscar)).toEqual(["Next step due"]);
    expect(mailSubjects(people.rita)).toEqual([]);
    const rescheduled = (await listLeadEvents(ctx.db, leadId)).find((event) => event.type === "next_step_rescheduled");
    expect(rescheduled?.data).toEqual({ action: "Send the case study", dueAt: start + 3 * HOUR, ownerId: people.oscar, previous: { action: "Send the case study", dueAt: start + HOUR, ownerId: people.rita } });
  });

  it("completing before the due time cancels the reminder", async () => {
    const leadId = await leadOf(people.rita);
    const dueAt = ctx.clock.now() + HOUR;
    await setNextStep(ctx, rita, leadId, { action: "Confirm the budget", dueAt });
    expect(await completeNextStep(ctx, rita, leadId, { outcome: "  Budget confirmed  " })).toBeNull();
    await at(dueAt + 2 * HOUR);
    expect(await typesOf(leadId)).toEqual(["next_step_set", "next_step_done"]);
    expect(sent).toEqual([]);
    expect(await stepOf(leadId)).toBeNull();
    const done = (await listLeadEvents(ctx.db, leadId)).find((event) => event.type === "next_step_done");
    expect(done?.data).toMatchObject({ action: "Confirm the budget", status: "scheduled", outcome: "Budget confirmed" });
  });

  it("completing with the following step sets it, and only its reminder fires", async () => {
    const leadId = await leadOf(people.rita);
    const start = ctx.clock.now();
    await setNextStep(ctx, rita, leadId, { action: "Discovery call", dueAt: start + HOUR });
    const following = await completeNextStep(ctx, rita, leadId, { next: { action: "Send the proposal", dueAt: start + 2 * HOUR } });
    expect(following).toMatchObject({ action: "Send the proposal", dueAt: start + 2 * HOUR, ownerId: people.rita, status: "scheduled" });
    await at(start + 2 * HOUR);
    expect(await typesOf(leadId)).toEqual(["next_step_set", "next_step_done", "next_step_set", "next_step_due"]);
    expect(sent.filter((s) => s.channel === "slack").map((s) => s.payload.headline)).toEqual([expect.stringContaining("Send the proposal")]);
  });

  it("a due time already past is due at once", async () => {
    const leadId = await leadOf(people.rita);
    await setNextStep(ctx, rita, leadId, { action: "Call back", dueAt: ctx.clock.now() - HOUR });
    await work();
    expect(await stepOf(leadId)).toMatchObject({ status: "overdue" });
    expect(await typesOf(leadId)).toEqual(["next_step_set", "next_step_due", "next_step_overdue"]);
  });

  it("a reminder whose lead was closed meanwhile does nothing", async () => {
    const leadId = await leadOf(people.rita);
    const dueAt = ctx.clock.now() + HOUR;
    await setNextStep(ctx, rita, leadId, { action: "Chase the signature", dueAt });
    const lead = (await findLeadById(ctx.db, leadId))!;
    await saveLeadPipeline(ctx.db, { ...(await findLeadPipeline(ctx.db, lead)), closedAt: ctx.clock.now() }, ctx.clock.now());
    await at(dueAt);
    expect(await typesOf(leadId)).toEqual(["next_step_set"]);
    expect(sent).toEqual([]);
  });

  it("owns the step by the lead's owner by default, else by the person setting it", async () => {
    const owned = await leadOf(people.rita);
    expect(await setNextStep(ctx, max, owned, { action: "Call", dueAt: ctx.clock.now() + HOUR })).toMatchObject({ ownerId: people.rita });
    const unowned = await leadOf(null);
    expect(await setNextStep(ctx, max, unowned, { action: "Call", dueAt: ctx.clock.now() + HOUR })).toMatchObject({ ownerId: people.max });
  });

  it("refuses an owner who is not an active user, naming the field", async () => {
    const leadId = await leadOf(people.rita);
    const dueAt = ctx.clock.now() + HOUR;
    expect(await failureOf(() => setNextStep(ctx, rita, leadId, { action: "Call", dueAt, ownerId: people.gone }))).toMatchObject({ code: "invalid", field: "ownerId" });
    expect(await failureOf(() => setNextStep(ctx, rita, leadId, { action: "Call", dueAt, ownerId: "user_nobody" }))).toMatchObject({ code: "invalid", field: "ownerId" });
    await setNextStep(ctx, rita, leadId, { action: "Call", dueAt });
    const next = { action: "Demo", dueAt, ownerId: people.gone };
    expect(await failureOf(() => completeNextStep(ctx, rita, leadId, { next }))).toMatchObject({ code: "invalid", field: "next.ownerId" });
    // The failed completion rolled back: the step is still there.
    expect(await stepOf(leadId)).toMatchObject({ action: "Call" });
  });

  it("refuses closed and disqualified leads, and completing when there is no step", async () => {
    const leadId = await leadOf(people.rita);
    const dueAt = ctx.clock.now() + HOUR;
    expect(await failureOf(() => completeNextStep(ctx, rita, leadId, {}))).toMatchObject({ code: "conflict" });
    const lead = (await findLeadById(ctx.db, leadId))!;
    const open = await findLeadPipeline(ctx.db, lead);
    await saveLeadPipeline(ctx.db, { ...open, qualificationStatus: "disqualified", closedAt: dueAt }, dueAt);
    expect(await failureOf(() => setNextStep(ctx, rita, leadId, { action: "Call", dueAt }))).toMatchObject({ code: "conflict" });
    await saveLeadPipeline(ctx.db, { ...open, closedAt: dueAt }, dueAt);
    expect(await failureOf(() => setNextStep(ctx, rita, leadId, { action: "Call", dueAt }))).toMatchObject({ code: "conflict" });
  });

  it("a rep cannot set a next step on someone else's lead: not found", async () => {
    const leadId = await leadOf(people.rita);
    expect(await failureOf(() => setNextStep(ctx, oscar, leadId, { action: "Call", dueAt: ctx.clock.now() }))).toMatchObject({ code: "not_found", field: "id" });
    expect(await typesOf(leadId)).toEqual([]);
  });
});
