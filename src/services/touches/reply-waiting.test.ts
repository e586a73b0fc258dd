import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../domain/access/permission.js";
import type { Lead } from "../../domain/lead/lead.js";
import type { Touch } from "../../domain/touches/touch.js";
import { listLeadEvents } from "../../store/events.js";
import { findLeadPipeline } from "../../store/lead-pipeline.js";
import { findLeadSla, saveLeadSlas } from "../../store/lead-sla.js";
import { insertLeads } from "../../store/leads.js";
import { insertUsers } from "../../store/users.js";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../../test/support/engines.js";
import { buildLead, buildPerson } from "../../../test/support/factories.js";
import { setNextStep } from "../next-steps/set-next-step.js";
import { logTouch } from "./log-touch.js";

const REP: Principal = { kind: "user", userId: "user_rep", role: "rep" };
const MIN = 60_000;

const touch = (channel: Touch["channel"], direction: Touch["direction"], isAutomated = false): Touch => ({ channel, direction, outcome: null, durationSeconds: null, notes: null, isAutomated });

describe.each(ENGINES)("reply waiting on touches (%s)", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
    await insertUsers(database.db, [buildPerson("user_rep", { email: "rep@team.test", name: "Rep" })]);
  });
  afterAll(() => database.destroy());

  async function repLead(): Promise<Lead> {
    const lead = buildLead({ id: ctx.ids("lead"), email: `${ctx.ids("mail")}@lead.test`, ownerId: "user_rep", createdAt: ctx.clock.now() });
    await insertLeads(database.db, [lead]);
    return lead;
  }
  const waitingSince = async (lead: Lead) => (await findLeadPipeline(database.db, lead)).replyWaitingSince;

  it("an inbound email, SMS or LinkedIn message starts the wait; a later one keeps the first start", async () => {
    for (const channel of ["email", "sms", "linkedin"] as const) {
      const lead = await repLead();
      const startedAt = ctx.clock.now();
      await logTouch(ctx, REP, lead.id, touch(channel, "in"));
      ctx.clock.advance(10 * MIN);
      await logTouch(ctx, REP, lead.id, touch("email", "in"));
      expect(await waitingSince(lead)).toBe(startedAt);
    }
  });

  it("an inbound call starts nothing; an automated message out does not end the wait; a person's touch out does", async () => {
    const lead = await repLead();
    await logTouch(ctx, REP, lead.id, touch("call", "in"));
    expect(await waitingSince(lead)).toBeNull();
    const startedAt = ctx.clock.now();
    await logTouch(ctx, REP, lead.id, touch("linkedin", "in"));
    await logTouch(ctx, REP, lead.id, touch("email", "out", true));
    expect(await waitingSince(lead)).toBe(startedAt);
    await logTouch(ctx, REP, lead.id, touch("call", "out"));
    expect(await waitingSince(lead)).toBeNull();
    expect((await listLeadEvents(database.db, lead.id)).map((event) => [event.type, event.data.direction])).toEqual([
      ["touch", "in"],
      ["touch", "in"],
      ["touch", "out"],
      ["touch", "out"],
    ]);
  });

  it("keeps the rest of the pipeline state, and the touch out still stops the SLA clock", async () => {
    const lead = await repLead();
    const now = ctx.clock.now();
    await saveLeadSlas(database.db, [{ leadId: lead.id, policyId: "sla_standard", startedAt: now, warnAt: now + 4 * MIN, dueAt: now + 5 * MIN, firstResponseAt: null, status: "running" }], now);
    await setNextStep(ctx, REP, lead.id, { action: "Send the case study", dueAt: now + 60 * MIN });
    await logTouch(ctx, REP, lead.id, touch("sms", "in"));
    expect(await findLeadPipeline(database.db, lead)).toMatchObject({ replyWaitingSince: now, nextStep: { action: "Send the case study" } });
    ctx.clock.advance(MIN);
    expect(await logTouch(ctx, REP, lead.id, touch("sms", "out"))).toEqual({ stoppedSlaClock: true });
    expect(await findLeadPipeline(database.db, lead)).toMatchObject({ replyWaitingSince: null, nextStep: { action: "Send the case study" } });
    expect(await findLeadSla(database.db, lead.id)).toMatchObject({ firstResponseAt: now + MIN, status: "met" });
  });
});
