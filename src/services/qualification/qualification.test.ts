import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../domain/access/permission.js";
import { nextStepTimerKey } from "../../domain/pipeline/lead-pipeline.js";
import { listLeadEvents } from "../../store/events.js";
import { findLeadPipeline } from "../../store/lead-pipeline.js";
import { findLeadById } from "../../store/leads.js";
import { findTimerByKey } from "../../store/timers.js";
import { insertUsers } from "../../store/users.js";
import { failureOf } from "../../../test/support/domain-failure.js";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../../test/support/engines.js";
import { buildPerson } from "../../../test/support/factories.js";
import { captureLeadOwnedBy } from "../../../test/support/owned-lead.js";
import { setNextStep } from "../next-steps/set-next-step.js";
import { answerQualification } from "./answer-qualification.js";
import { disqualifyLead } from "./disqualify-lead.js";
import { readQualification } from "./read-qualification.js";
import { requalifyLead } from "./requalify-lead.js";

const HOUR = 3_600_000;

describe.each(ENGINES)("qualification on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  let serial = 0;
  const rita: Principal = { kind: "user", userId: "user_rita", role: "rep" };
  const oscar: Principal = { kind: "user", userId: "user_oscar", role: "rep" };

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
    await insertUsers(database.db, [buildPerson("user_rita"), buildPerson("user_oscar")]);
  });
  afterAll(() => database.destroy());

  const ritasLead = () => captureLeadOwnedBy(ctx, "user_rita", { email: `qualify-${++serial}@lead.test`, source: "google", campaign: "spring" });

  const types = async (leadId: string, only: string[]) => (await listLeadEvents(ctx.db, leadId)).filter((e) => only.includes(e.type));

  it("moves unqualified → in progress → qualified, recording who answered and when", async () => {
    const leadId = await ritasLead();
    expect((await readQualification(ctx, rita, leadId)).status).toBe("unqualified");

    const answeredAt = ctx.clock.now();
    const partial = await answerQualification(ctx, rita, leadId, { answers: [{ criterion: "budget", answer: "yes", notes: " 40k approved " }, { criterion: "need", answer: "unknown" }] });
    expect(partial.status).toBe("in_progress");
    expect(partial.answers.find((a) => a.criterion === "budget")).toEqual({ criterion: "budget", label: "Budget", question: expect.any(String), answer: "yes", notes: "40k approved", answeredBy: "user:user_rita", answeredAt });

    ctx.clock.advance(HOUR);
    const all = await answerQualification(ctx, rita, leadId, {
      answers: ["authority", "need", "timeline"].map((criterion) => ({ criterion, answer: "yes" })),
      costOfInaction: "Losing two enterprise deals a quarter to slow follow-up",
    });
    expect(all.status).toBe("qualified");
    expect(all.costOfInaction).toBe("Losing two enterprise deals a quarter to slow follow-up");
    expect(all.answers.map((a) => [a.criterion, a.answer, a.answeredAt])).toEqual([
      ["budget", "yes", answeredAt],
      ["authority", "yes", answeredAt + HOUR],
      ["need", "yes", answeredAt + HOUR],
      ["timeline", "yes", answeredAt + HOUR],
    ]);

    await answerQualification(ctx, rita, leadId, { costOfInaction: null });
    const events = await types(leadId, ["qualification_answered", "qualified"]);
    expect(events.map((e) => [e.type, e.data.status])).toEqual([
      ["qualification_answered", "in_progress"],
      ["qualification_answered", "qualified"],
      ["qualified", undefined],
      ["qualification_answered", "qualified"],
    ]);
    expect(events[0]!.data.answers).toEqual([{ criterion: "budget", answer: "yes", notes: "40k approved" }, { criterion: "need", answer: "unknown", notes: null }]);
    expect(events[2]).toMatchObject({ actor: "user:user_rita", data: { source: "google", campaign: "spring" } });
    const state = await findLeadPipeline(ctx.db, (await findLeadById(ctx.db, leadId))!);
    expect([state.qualificationStatus, state.costOfInaction]).toEqual(["qualified", null]);
  });

  it("goes back to in progress when an answer turns to no", async () => {
    const leadId = await ritasLead();
    await answerQualification(ctx, rita, leadId, { answers: ["budget", "authority", "need", "timeline"].map((criterion) => ({ criterion, answer: "yes" })) });
    expect((await answerQualification(ctx, rita, leadId, { answers: [{ criterion: "budget", answer: "no" }] })).status).toBe("in_progress");
  });

  it("names the field of a bad answer and changes nothing", async () => {
    const leadId = await ritasLead();
    expect(await failureOf(answerQualification(ctx, rita, leadId, { answers: [{ criterion: "champion", answer: "yes" }] }))).toEqual({ code: "invalid", field: "answers.0.criterion" });
    expect(await failureOf(answerQualification(ctx, rita, leadId, { answers: [{ criterion: "budget", answer: "yes" }, { criterion: "need", answer: "perhaps" }] }))).toEqual({ code: "invalid", field: "answers.1.answer" });
    expect((await readQualification(ctx, rita, leadId)).answers.every((a) => a.answer === null)).toBe(true);
    expect(await types(leadId, ["qualification_answered"])).toEqual([]);
  });

  it("disqualifies with a listed reason, a note for other, and clears the next step and its timer", async () => {
    const leadId = await ritasLead();
    await setNextStep(ctx, rita, leadId, { action: "Call back about budget", dueAt: ctx.clock.now() + 2 * HOUR });
    expect(await findTimerByKey(ctx.db, nextStepTimerKey(leadId))).toBeDefined();

    expect(await failureOf(disqualifyLead(ctx, rita, leadId, { reason: "too_small" }))).toEqual({ code: "invalid", field: "reason" });
    expect(await failureOf(disqualifyLead(ctx, rita, leadId, { reason: "other", note: "  " }))).toEqual({ code: "invalid", field: "note" });
    const qualification = await disqualifyLead(ctx, rita, leadId, { reason: "other", note: "Reseller, not an end customer" });
    expect(qualification).toMatchObject({ status: "disqualified", disqualification: { reason: "other", label: "Other", note: "Reseller, not an end customer", at: ctx.clock.now() } });

    const state = await findLeadPipeline(ctx.db, (await findLeadById(ctx.db, leadId))!);
    expect([state.nextStep, state.closedAt]).toEqual([null, ctx.clock.now()]);
    expect(await findTimerByKey(ctx.db, nextStepTimerKey(leadId))).toBeUndefined();
    const [disqualified] = await types(leadId, ["disqualified"]);
    expect(disqualified).toMatchObject({ actor: "user:user_rita", data: { reason: "other", reasonLabel: "Other", note: "Reseller, not an end customer", source: "google", campaign: "spring" } });
  });

  it("refuses answers and a second disqualification while disqualified, and requalifying an open lead", async () => {
    const leadId = await ritasLead();
    expect(await failureOf(requalifyLead(ctx, rita, leadId))).toEqual({ code: "conflict", field: undefined });
    await disqualifyLead(ctx, rita, leadId, { reason: "spam" });
    expect(await failureOf(answerQualification(ctx, rita, leadId, { answers: [{ criterion: "budget", answer: "yes" }] }))).toEqual({ code: "conflict", field: undefined });
    expect(await failureOf(disqualifyLead(ctx, rita, leadId, { reason: "spam" }))).toEqual({ code: "conflict", field: undefined });
  });

  it("requalifies: status back from the answers, the lead open again", async () => {
    const leadId = await ritasLead();
    await answerQualification(ctx, rita, leadId, { answers: [{ criterion: "need", answer: "yes" }] });
    await disqualifyLead(ctx, rita, leadId, { reason: "no_timeline" });
    ctx.clock.advance(HOUR);
    const requalified = await requalifyLead(ctx, rita, leadId);
    expect([requalified.status, requalified.disqualification]).toEqual(["in_progress", null]);
    const state = await findLeadPipeline(ctx.db, (await findLeadById(ctx.db, leadId))!);
    expect([state.closedAt, state.disqualificationReason, state.disqualificationNote]).toEqual([null, null, null]);
    const [event] = await types(leadId, ["requalified"]);
    expect(event).toMatchObject({ at: ctx.clock.now(), data: { previousReason: "no_timeline", status: "in_progress" } });
    expect((await answerQualification(ctx, rita, leadId, { answers: [{ criterion: "budget", answer: "no" }] })).status).toBe("in_progress");
  });

  it("hides a rep's lead from another rep: not found, nothing written", async () => {
    const leadId = await ritasLead();
    const calls = [
      () => readQualification(ctx, oscar, leadId),
      () => answerQualification(ctx, oscar, leadId, { answers: [{ criterion: "budget", answer: "yes" }] }),
      () => disqualifyLead(ctx, oscar, leadId, { reason: "spam" }),
      () => requalifyLead(ctx, oscar, leadId),
    ];
    for (const call of calls) expect(await failureOf(call())).toEqual({ code: "not_found", field: "id" });
    expect(await types(leadId, ["qualification_answered", "disqualified", "requalified"])).toEqual([]);
  });
});
