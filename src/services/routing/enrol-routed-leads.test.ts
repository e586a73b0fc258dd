import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../domain/access/permission.js";
import { listLeadEvents } from "../../store/events.js";
import { findLeadById } from "../../store/leads.js";
import { saveRoutingProfile } from "../../store/routing-profiles.js";
import { listEnrolmentsOfLead } from "../../store/sequence-enrolments.js";
import { insertSuppression } from "../../store/suppressions.js";
import { findTimerByKey } from "../../store/timers.js";
import { insertUsers } from "../../store/users.js";
import { failureOf } from "../../../test/support/domain-failure.js";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../../test/support/engines.js";
import { buildPerson } from "../../../test/support/factories.js";
import { captureLead } from "../capture-leads.js";
import { changeRoutingRule } from "../routing-config/change-routing-rule.js";
import { createRoutingRule } from "../routing-config/create-routing-rule.js";
import { archiveSequence } from "../sequences/archive-sequence.js";
import { createSequence } from "../sequences/create-sequence.js";
import { sequenceStepTimerKey } from "../sequences/sequence-timers.js";
import { ALWAYS_OPEN_WINDOW } from "../../../test/support/sequence-fixtures.js";

const MANAGER: Principal = { kind: "user", userId: "user_mgr", role: "manager" };

describe.each(ENGINES)("routing rules with a sequence on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  let sequenceId: string;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
    await insertUsers(database.db, [buildPerson("user_mgr", { role: "manager" }), buildPerson("user_rep")]);
    await saveRoutingProfile(database.db, { userId: "user_rep", workingHours: null, capacity: null, routingWeight: 1, backupUserId: null, managerId: null }, 0);
    const step = { dayOffset: 0, channel: "email" as const, subject: "Thanks for joining", body: "Hi {{ lead.firstName | default: 'there' }}", window: ALWAYS_OPEN_WINDOW, proofAssetIds: [] };
    sequenceId = (await createSequence(ctx, MANAGER, { name: "Webinar follow-up", purpose: "follow_up", steps: [step], nurtureSequenceId: null, repeatEveryDays: null })).id;
    const rule = { name: "Webinar", conditions: [{ field: "source", operator: "equals" as const, value: "webinar" }], target: { userIds: ["user_rep"], strategy: "round_robin" as const }, slaPolicyId: null, sequenceId, isActive: true };
    await createRoutingRule(ctx, rule, "user:user_mgr");
  });
  afterAll(() => database.destroy());

  const capture = async (payload: Record<string, unknown>) => (await captureLead(ctx, { payload: { source: "webinar", ...payload }, actor: "test" })).leadId;

  it("enrols the leads the rule routes to an owner in its sequence, via routing_rule, with the first step timer", async () => {
    const leadId = await capture({ email: "gil@lead.test" });
    expect((await findLeadById(database.db, leadId))!.ownerId).toBe("user_rep");
    const [enrolment] = await listEnrolmentsOfLead(database.db, leadId);
    expect(enrolment).toMatchObject({ sequenceId, status: "active", enrolledVia: "routing_rule", enrolledBy: "system", nextSendAt: ctx.clock.now() });
    expect(await findTimerByKey(database.db, sequenceStepTimerKey(enrolment!.id))).toMatchObject({ runAt: ctx.clock.now() });
    expect((await listLeadEvents(database.db, leadId)).find((event) => event.type === "enrolled")).toMatchObject({ actor: "system", data: { via: "routing_rule", sequenceName: "Webinar follow-up" } });
  });

  it("routes without enrolling, and without an error, a lead with no email, a suppressed address, or another rule's lead", async () => {
    await insertSuppression(database.db, { value: "hal@lead.test", kind: "address", reason: "opted_out", leadId: null, note: null, createdBy: "test", createdAt: 0 });
    const leads = [await capture({ phone: "+14155550123", firstName: "Ida" }), await capture({ email: "hal@lead.test" }), await capture({ email: "jo@lead.test", source: "fair" })];
    for (const leadId of leads) expect(await listEnrolmentsOfLead(database.db, leadId)).toEqual([]);
    expect((await findLeadById(database.db, leads[0]!))!.ownerId).toBe("user_rep");
  });

  it("checks the sequence a rule names exists and is live, and stops enrolling once it is archived", async () => {
    const rules = await database.db.selectFrom("routing_rules").select("id").execute();
    expect(await failureOf(changeRoutingRule(ctx, rules[0]!.id, { sequenceId: "sequence_missing" }, "user:user_mgr"))).toEqual({ code: "invalid", field: "sequenceId" });
    await archiveSequence(ctx, MANAGER, sequenceId);
    expect(await failureOf(changeRoutingRule(ctx, rules[0]!.id, { sequenceId }, "user:user_mgr"))).toEqual({ code: "invalid", field: "sequenceId" });
    const leadId = await capture({ email: "kim@lead.test" });
    expect((await findLeadById(database.db, leadId))!.ownerId).toBe("user_rep");
    expect(await listEnrolmentsOfLead(database.db, leadId)).toEqual([]);
  });
});
