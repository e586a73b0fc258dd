import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSequenceStep } from "../src/services/sequence-sending/run-sequence-step.js";
import { optOutInTransaction } from "../src/services/suppressions/opt-out.js";
import { lockLeadsByEmail } from "../src/store/leads.js";
import { lockEnrolment } from "../src/store/sequence-enrolments.js";
import { listSequenceMessagesOfLead } from "../src/store/sequence-messages.js";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "./support/engines.js";
import { captureLeadOwnedBy } from "./support/owned-lead.js";
import { emailStep, enrolNow, insertOwnerWithMailbox, insertTestSequence, ALWAYS_OPEN_WINDOW } from "./support/sequence-fixtures.js";


describe.each(ENGINES)("lock order of sequence steps and lead changes on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
  });
  afterAll(() => database.destroy());

  it("lets a step that holds its enrolment write for a lead an opt-out holds, instead of deadlocking with it", async () => {
    const owner = await insertOwnerWithMailbox(ctx, "user_owner", { smtpUrl: "smtp://127.0.0.1:1" });
    const sequence = await insertTestSequence(ctx, "sequence_lock_order", [emailStep(0, { window: ALWAYS_OPEN_WINDOW })]);
    const email = "lock.order@buyer.example";
    const leadId = await captureLeadOwnedBy(ctx, owner.userId, { email, firstName: "Lu" });
    const enrolment = await enrolNow(ctx, leadId, sequence);
    const now = ctx.clock.now();

    // The opt-out locks the lead first, then (once the step is done, or after a while) stops the enrolment.
    let isLeadHeld: () => void = () => undefined;
    const leadHeld = new Promise<void>((resolve) => (isLeadHeld = resolve));
    let isStepSettled: () => void = () => undefined;
    const stepSettled = new Promise<void>((resolve) => (isStepSettled = resolve));
    const optOut = ctx.db.transaction().execute(async (trx) => {
      await lockLeadsByEmail(trx, email);
      isLeadHeld();
      await Promise.race([stepSettled, sleep(1500)]);
      return optOutInTransaction(trx, ctx, { address: email, leadId, via: "manual", actor: "test", now });
    });
    await leadHeld;
    // The step locks its enrolment, then queues the email: rows that point at the lead.
    const step = ctx.db.transaction().execute((trx) => runSequenceStep(trx, ctx, { enrolmentId: enrolment.id, cycle: 0, stepIndex: 0 }, now));
    void step.finally(isStepSettled).catch(() => undefined);

    await expect(Promise.all([step, optOut])).resolves.toBeDefined();
    expect(await lockEnrolment(ctx.db, enrolment.id)).toMatchObject({ status: "stopped", stopReason: "opted_out" });
    // Whichever ran first, nothing goes out: the queued email (if any) was settled by the opt-out.
    for (const message of await listSequenceMessagesOfLead(ctx.db, leadId, 10)) expect(message.status).toBe("suppressed");
  });
});
