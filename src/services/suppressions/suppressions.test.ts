import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../domain/access/permission.js";
import { listLeadEvents } from "../../store/events.js";
import { type Executor, fromJsonColumn } from "../../store/engine.js";
import { claimMatchKeys, findLeadById, insertLeads } from "../../store/leads.js";
import { listEnrolmentsOfLead } from "../../store/sequence-enrolments.js";
import { findSuppressionOf } from "../../store/suppressions.js";
import { insertUsers } from "../../store/users.js";
import { failureOf } from "../../../test/support/domain-failure.js";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../../test/support/engines.js";
import { buildLead, buildPerson } from "../../../test/support/factories.js";
import { createSequence } from "../sequences/create-sequence.js";
import { enrolLead } from "../sequences/enrol-lead.js";
import { addSuppression } from "./add-suppression.js";
import { listSuppressions } from "./list-suppressions.js";
import { optOutInTransaction } from "./opt-out.js";
import { recordBounceInTransaction } from "./record-bounce.js";
import { removeSuppression } from "./remove-suppression.js";
import { ALWAYS_OPEN_WINDOW } from "../../../test/support/sequence-fixtures.js";

const MANAGER: Principal = { kind: "user", userId: "user_mgr", role: "manager" };
const REP: Principal = { kind: "user", userId: "user_rep", role: "rep" };

describe.each(ENGINES)("suppressions on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  let sequenceId: string;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
    await insertUsers(database.db, [buildPerson("user_mgr", { role: "manager" }), buildPerson("user_rep")]);
    const step = { dayOffset: 0, channel: "email" as const, subject: "Hello", body: "Hi there", window: ALWAYS_OPEN_WINDOW, proofAssetIds: [] };
    sequenceId = (await createSequence(ctx, MANAGER, { name: "Follow-up", purpose: "follow_up", steps: [step], nurtureSequenceId: null, repeatEveryDays: null })).id;
  });
  afterAll(() => database.destroy());

  /** Leads stored as given (no capture, so several may share an address), owned by the rep. */
  async function leadsAt(...emails: string[]): Promise<string[]> {
    const leads = emails.map((email) => buildLead({ id: ctx.ids("lead"), email, ownerId: "user_rep" }));
    await insertLeads(database.db, leads);
    return leads.map((lead) => lead.id);
  }
  const inTransaction = <T>(run: (trx: Executor) => Promise<T>) => ctx.db.transaction().execute(run);
  const statusOf = async (leadId: string) => (await listEnrolmentsOfLead(database.db, leadId))[0];
  const workspaceEvents = async (type: string) => (await database.db.selectFrom("events").selectAll().where("type", "=", type).where("lead_id", "is", null).execute()).map((row) => fromJsonColumn<Record<string, unknown>>(row.data));

  it("opts out for good: the address is suppressed and every lead reached at it is marked, stopped and told once", async () => {
    const [first, second, other] = await leadsAt("dana@lead.test", "dana@lead.test", "dana.new@lead.test");
    const [merged] = await leadsAt("dana.work@lead.test");
    await claimMatchKeys(database.db, [{ matchKey: "email:dana@lead.test", leadId: merged! }]);
    await enrolLead(ctx, REP, first!, { sequenceId, isReplacing: false });
    await addSuppression(ctx, MANAGER, { value: "dana@lead.test", kind: "address", note: "asked on the phone" });
    const result = await inTransaction((trx) => optOutInTransaction(trx, ctx, { address: " Dana@Lead.test ", leadId: null, via: "one_click", actor: "system", now: ctx.clock.now() }));
    expect(result.leadIds.sort()).toEqual([first, second, merged].sort());
    for (const leadId of result.leadIds) expect((await findLeadById(database.db, leadId))!.isOptedOut).toBe(true);
    expect((await findLeadById(database.db, other!))!.isOptedOut).toBe(false);
    expect(await statusOf(first!)).toMatchObject({ status: "stopped", stopReason: "opted_out" });
    expect(await findSuppressionOf(database.db, "dana@lead.test")).toMatchObject({ reason: "opted_out", kind: "address" });
    expect((await listLeadEvents(database.db, first!)).filter((event) => event.type !== "enrolled").map((event) => [event.type, event.data])).toEqual([
      ["sequence_stopped", expect.objectContaining({ reason: "opted_out" })],
      ["opted_out", { address: "dana@lead.test", via: "one_click" }],
    ]);
    const again = await inTransaction((trx) => optOutInTransaction(trx, ctx, { address: "dana@lead.test", leadId: null, via: "page", actor: "system", now: ctx.clock.now() }));
    expect(again.leadIds).toEqual([]);
    expect((await listLeadEvents(database.db, second!)).map((event) => event.type)).toEqual(["opted_out"]);
    expect(await failureOf(removeSuppression(ctx, MANAGER, "dana@lead.test"))).toEqual({ code: "conflict", field: "value" });
  });

  it("opts out the lead a link was sent to even when its address has changed since", async () => {
    const [lead] = await leadsAt("eve.now@lead.test");
    const result = await inTransaction((trx) => optOutInTransaction(trx, ctx, { address: "eve.before@lead.test", leadId: lead!, via: "page", actor: "system", now: ctx.clock.now() }));
    expect(result.leadIds).toEqual([lead]);
    expect(await findSuppressionOf(database.db, "eve.before@lead.test")).toMatchObject({ reason: "opted_out", leadId: lead });
  });

  it("records a hard bounce: suppressed, the lead at that address stopped and told; a lead that once had it carries on", async () => {
    const [current] = await leadsAt("finn@lead.test");
    const [moved] = await leadsAt("finn.new@lead.test");
    await claimMatchKeys(database.db, [{ matchKey: "email:finn@lead.test", leadId: moved! }]);
    for (const leadId of [current!, moved!]) await enrolLead(ctx, REP, leadId, { sequenceId, isReplacing: false });
    const bounce = { address: "finn@lead.test", status: "5.1.1", diagnostic: "550 5.1.1 no such user", actor: "system", now: ctx.clock.now() };
    expect(await inTransaction((trx) => recordBounceInTransaction(trx, ctx, bounce))).toEqual({ leadIds: [current] });
    expect(await statusOf(current!)).toMatchObject({ status: "stopped", stopReason: "bounced" });
    expect(await statusOf(moved!)).toMatchObject({ status: "active" });
    expect((await findLeadById(database.db, current!))!.isOptedOut).toBe(false);
    expect(await findSuppressionOf(database.db, "finn@lead.test")).toMatchObject({ reason: "bounced", note: "550 5.1.1 no such user" });
    expect((await listLeadEvents(database.db, current!)).at(-1)).toMatchObject({ type: "bounced", data: { address: "finn@lead.test", status: "5.1.1", diagnostic: "550 5.1.1 no such user" } });
    await inTransaction((trx) => recordBounceInTransaction(trx, ctx, { ...bounce, address: "nobody@lead.test" }));
    expect(await workspaceEvents("bounced")).toEqual([{ address: "nobody@lead.test", status: "5.1.1", diagnostic: "550 5.1.1 no such user" }]);
    await removeSuppression(ctx, MANAGER, "finn@lead.test");
    expect(await findSuppressionOf(database.db, "finn@lead.test")).toBeUndefined();
  });

  it("adds addresses and domains by hand (sequences:manage), refuses duplicates and bad values, lists and removes them", async () => {
    expect(await addSuppression(ctx, MANAGER, { value: " Legal@Competitor.test ", kind: "address", note: null })).toMatchObject({ value: "legal@competitor.test", reason: "manual", createdBy: "user:user_mgr" });
    expect(await addSuppression(ctx, MANAGER, { value: "@Competitor.test", kind: "domain", note: " whole company " })).toMatchObject({ value: "competitor.test", note: "whole company" });
    expect(await failureOf(addSuppression(ctx, MANAGER, { value: "competitor.test", kind: "domain", note: null }))).toEqual({ code: "conflict", field: "value" });
    expect(await failureOf(addSuppression(ctx, MANAGER, { value: "not an address", kind: "address", note: null }))).toEqual({ code: "invalid", field: "value" });
    expect(await failureOf(addSuppression(ctx, MANAGER, { value: "a@b.test", kind: "domain", note: null }))).toEqual({ code: "invalid", field: "value" });
    expect(await failureOf(addSuppression(ctx, REP, { value: "x@y.test", kind: "address", note: null }))).toEqual({ code: "forbidden", field: undefined });
    expect(await failureOf(listSuppressions(ctx, REP, { search: null, limit: 10, offset: 0 }))).toEqual({ code: "forbidden", field: undefined });
    expect((await listSuppressions(ctx, MANAGER, { search: "COMPETITOR", limit: 10, offset: 0 })).map((entry) => entry.value).sort()).toEqual(["competitor.test", "legal@competitor.test"]);
    expect(await removeSuppression(ctx, MANAGER, "Competitor.test")).toMatchObject({ value: "competitor.test", kind: "domain" });
    expect(await failureOf(removeSuppression(ctx, MANAGER, "competitor.test"))).toEqual({ code: "not_found", field: "value" });
    expect((await workspaceEvents("suppression_added")).map((data) => data.value)).toContain("competitor.test");
    expect((await workspaceEvents("suppression_removed")).map((data) => data.value)).toContain("competitor.test");
  });
});
