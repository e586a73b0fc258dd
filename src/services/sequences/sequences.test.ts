import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../domain/access/permission.js";
import type { SequenceStep } from "../../domain/sequences/sequence.js";
import { listLeadEvents } from "../../store/events.js";
import { fromJsonColumn } from "../../store/engine.js";
import { findLeadById, updateLead } from "../../store/leads.js";
import { saveProofAsset } from "../../store/proof-assets.js";
import { insertSequenceTask } from "../../store/sequence-tasks.js";
import { writeSetting } from "../../store/settings.js";
import { insertUsers } from "../../store/users.js";
import { failureOf } from "../../../test/support/domain-failure.js";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../../test/support/engines.js";
import { buildPerson } from "../../../test/support/factories.js";
import { captureLeadOwnedBy } from "../../../test/support/owned-lead.js";
import { archiveSequence } from "./archive-sequence.js";
import { createSequence } from "./create-sequence.js";
import { enrolLead } from "./enrol-lead.js";
import { stopEnrolment } from "./enrolment-actions.js";
import { getSequence, listSequences } from "./get-sequence.js";
import { previewSequenceStep } from "./preview-sequence-step.js";
import { readLeadSequence } from "./read-lead-sequence.js";
import { completeSequenceTask, listSequenceTasks } from "./sequence-tasks.js";
import { updateSequence } from "./update-sequence.js";
import { ALWAYS_OPEN_WINDOW } from "../../../test/support/sequence-fixtures.js";

const HOUR_MS = 60 * 60 * 1000;
const ADMIN: Principal = { kind: "user", userId: "user_admin", role: "admin" };
const MANAGER: Principal = { kind: "user", userId: "user_mgr", role: "manager" };
const REP: Principal = { kind: "user", userId: "user_rep", role: "rep" };
const OTHER_REP: Principal = { kind: "user", userId: "user_other", role: "rep" };

const email = (overrides: Partial<SequenceStep> = {}): SequenceStep => ({ dayOffset: 0, channel: "email", subject: " Hello {{ lead.firstName }} ", body: "Hi {{ lead.firstName }}, {{ owner.firstName }} here.", window: ALWAYS_OPEN_WINDOW, proofAssetIds: [], ...overrides });
const input = (name: string, steps: SequenceStep[] = [email()]) => ({ name, purpose: "follow_up" as const, steps, nurtureSequenceId: null, repeatEveryDays: null });

describe.each(ENGINES)("sequences on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
    await insertUsers(database.db, [buildPerson("user_admin", { role: "admin" }), buildPerson("user_mgr", { role: "manager" }), buildPerson("user_rep", { name: "Rita Rep" }), buildPerson("user_other")]);
  });
  afterAll(() => database.destroy());

  const workspaceEvents = async (type: string) => (await database.db.selectFrom("events").selectAll().where("type", "=", type).orderBy("id").execute()).map((row) => ({ ...row, data: fromJsonColumn<Record<string, unknown>>(row.data) }));

  it("creates, changes and reads sequences, trimmed, with sequence_saved; a taken name is a conflict on name", async () => {
    const created = await createSequence(ctx, MANAGER, input("  Demo follow-up "));
    expect(created).toMatchObject({ name: "Demo follow-up", isArchived: false, steps: [{ subject: "Hello {{ lead.firstName }}" }] });
    expect(await getSequence(ctx, created.id)).toEqual(created);
    expect(await failureOf(createSequence(ctx, ADMIN, input("Demo follow-up")))).toEqual({ code: "conflict", field: "name" });
    ctx.clock.advance(HOUR_MS);
    const changed = await updateSequence(ctx, MANAGER, created.id, input("Demo follow-up v2", [email(), email({ dayOffset: 3 })]));
    expect(changed).toMatchObject({ id: created.id, name: "Demo follow-up v2", createdAt: created.createdAt, updatedAt: ctx.clock.now() });
    expect(changed.steps).toHaveLength(2);
    await createSequence(ctx, MANAGER, input("Another"));
    expect(await failureOf(updateSequence(ctx, MANAGER, created.id, input("Another")))).toEqual({ code: "conflict", field: "name" });
    const saved = await workspaceEvents("sequence_saved");
    expect(saved.slice(0, 2).map((event) => [event.lead_id, event.actor, event.data])).toEqual([
      [null, "user:user_mgr", { sequenceId: created.id, name: "Demo follow-up", isNew: true }],
      [null, "user:user_mgr", { sequenceId: created.id, name: "Demo follow-up v2", isNew: false }],
    ]);
    expect(await failureOf(getSequence(ctx, "sequence_missing"))).toEqual({ code: "not_found", field: "id" });
  });

  it("needs sequences:manage to write, and names the field of a bad step or reference", async () => {
    expect(await failureOf(createSequence(ctx, REP, input("Rep's own")))).toEqual({ code: "forbidden", field: undefined });
    expect(await failureOf(createSequence(ctx, MANAGER, input("Bad offset", [email({ dayOffset: 2 }), email({ dayOffset: 1 })])))).toEqual({ code: "invalid", field: "steps.1.dayOffset" });
    expect(await failureOf(createSequence(ctx, MANAGER, input("Unknown variable", [email({ body: "Hi {{ lead.nickname }}" })])))).toEqual({ code: "invalid", field: "steps.0.body" });
    expect(await failureOf(createSequence(ctx, MANAGER, input("Missing asset", [email({ proofAssetIds: ["proof_missing"] })])))).toEqual({ code: "invalid", field: "steps.0.proofAssetIds.0" });
    const followUp = await createSequence(ctx, MANAGER, input("Not nurture"));
    expect(await failureOf(createSequence(ctx, MANAGER, { ...input("Points at a follow-up"), nurtureSequenceId: followUp.id }))).toEqual({ code: "invalid", field: "nurtureSequenceId" });
    expect(await failureOf(createSequence(ctx, MANAGER, { ...input("Points nowhere"), nurtureSequenceId: "sequence_missing" }))).toEqual({ code: "invalid", field: "nurtureSequenceId" });
    const nurture = await createSequence(ctx, MANAGER, { ...input("Monthly"), purpose: "nurture", repeatEveryDays: 30 });
    await archiveSequence(ctx, MANAGER, nurture.id);
    expect(await failureOf(createSequence(ctx, MANAGER, { ...input("Points at archived"), nurtureSequenceId: nurture.id }))).toEqual({ code: "invalid", field: "nurtureSequenceId" });
    expect(await failureOf(updateSequence(ctx, MANAGER, nurture.id, { ...input("Monthly"), purpose: "nurture", repeatEveryDays: 30 }))).toEqual({ code: "conflict", field: undefined });
  });

  it("lists live sequences by name, archived ones only when asked, and records sequence_archived", async () => {
    const archived = await createSequence(ctx, MANAGER, input("Zz old"));
    await archiveSequence(ctx, MANAGER, archived.id);
    expect(await archiveSequence(ctx, MANAGER, archived.id)).toMatchObject({ isArchived: true });
    const live = (await listSequences(ctx)).map((sequence) => sequence.name);
    expect(live).not.toContain("Zz old");
    expect(live).toEqual([...live].sort());
    expect((await listSequences(ctx, { isArchivedIncluded: true })).map((sequence) => sequence.name)).toContain("Zz old");
    expect((await workspaceEvents("sequence_archived")).filter((event) => event.data.sequenceId === archived.id)).toHaveLength(1);
  });

  it("shows a lead's follow-up: the live enrolment with its step, the history with stop reasons, messages and tasks", async () => {
    const first = await createSequence(ctx, MANAGER, input("First"));
    const second = await createSequence(ctx, MANAGER, input("Second", [email(), email({ dayOffset: 4 })]));
    const leadId = await captureLeadOwnedBy(ctx, "user_rep", { email: "ann@lead.test", firstName: "Ann" });
    await enrolLead(ctx, REP, leadId, { sequenceId: first.id, isReplacing: false });
    await stopEnrolment(ctx, REP, leadId);
    ctx.clock.advance(HOUR_MS);
    const live = await enrolLead(ctx, REP, leadId, { sequenceId: second.id, isReplacing: false });
    const view = await readLeadSequence(ctx, REP, leadId);
    expect(view.live).toMatchObject({ id: live.id, sequenceName: "Second", stepCount: 2, currentStep: { dayOffset: 0 }, nextSendAt: ctx.clock.now() });
    expect(view.history.map((entry) => [entry.sequenceName, entry.status, entry.stopReason])).toEqual([
      ["Second", "active", null],
      ["First", "stopped", "manual"],
    ]);
    expect(view).toMatchObject({ messages: [], tasks: [] });
    expect(await failureOf(readLeadSequence(ctx, OTHER_REP, leadId))).toEqual({ code: "not_found", field: "id" });
  });

  it("previews a step on a real lead, or says which variable this lead lacks", async () => {
    await writeSetting(database.db, "companyName", "Acme", 0);
    const asset = { id: "proof_case", kind: "case_study" as const, title: "How Initech doubled replies", url: "https://acme.test/initech", tags: { objectionIds: [], industries: [], stages: [] }, createdAt: 0 };
    await saveProofAsset(database.db, asset, 0);
    const leadId = await captureLeadOwnedBy(ctx, "user_rep", { email: "bo@lead.test", firstName: "Bo" });
    const step = { channel: "email" as const, subject: "Hi {{ lead.firstName }}", body: "From {{ owner.firstName }} at {{ company.name }}", proofAssetIds: [asset.id] };
    expect(await previewSequenceStep(ctx, REP, { leadId, step })).toEqual({ isRendered: true, subject: "Hi Bo", text: "From Rita at Acme\n\nHow Initech doubled replies\nhttps://acme.test/initech" });
    await updateLead(database.db, { ...(await findLeadById(database.db, leadId))!, firstName: null });
    expect(await previewSequenceStep(ctx, REP, { leadId, step })).toMatchObject({ isRendered: false, problem: expect.stringContaining("lead.firstName") });
    expect(await failureOf(previewSequenceStep(ctx, REP, { leadId: "lead_missing", step }))).toEqual({ code: "not_found", field: "leadId" });
  });

  it("lists open tasks due by a time (own for reps, anyone's for managers) and completes them with sequence_task_done only", async () => {
    const sequence = await createSequence(ctx, MANAGER, input("Calls", [{ ...email(), channel: "call", subject: "", body: "Call {{ lead.firstName }}" }]));
    const leadId = await captureLeadOwnedBy(ctx, "user_rep", { email: "cy@lead.test", firstName: "Cy" });
    const enrolment = await enrolLead(ctx, REP, leadId, { sequenceId: sequence.id, isReplacing: false });
    const task = { id: "seqtask_1", enrolmentId: enrolment.id, leadId, ownerId: "user_rep", cycle: 0, stepIndex: 0, channel: "call" as const, instructions: "Call Cy", dueAt: ctx.clock.now(), doneAt: null, doneBy: null };
    await insertSequenceTask(database.db, task);
    await insertSequenceTask(database.db, { ...task, id: "seqtask_later", stepIndex: 1, dueAt: ctx.clock.now() + 24 * HOUR_MS });
    expect((await listSequenceTasks(ctx, REP, {})).map((open) => open.id)).toEqual(["seqtask_1"]);
    expect((await listSequenceTasks(ctx, MANAGER, { ownerId: null, dueBy: ctx.clock.now() + 48 * HOUR_MS })).map((open) => open.id)).toEqual(["seqtask_1", "seqtask_later"]);
    expect(await failureOf(listSequenceTasks(ctx, OTHER_REP, { ownerId: "user_rep" }))).toEqual({ code: "forbidden", field: "ownerId" });
    expect(await failureOf(listSequenceTasks(ctx, OTHER_REP, { ownerId: null }))).toEqual({ code: "forbidden", field: "ownerId" });
    expect(await failureOf(completeSequenceTask(ctx, OTHER_REP, "seqtask_1"))).toEqual({ code: "not_found", field: "id" });
    const before = (await listLeadEvents(database.db, leadId)).length;
    const done = await completeSequenceTask(ctx, REP, "seqtask_1");
    expect(done).toMatchObject({ doneAt: ctx.clock.now(), doneBy: "user:user_rep" });
    expect(await completeSequenceTask(ctx, REP, "seqtask_1")).toEqual(done);
    const events = (await listLeadEvents(database.db, leadId)).slice(before);
    expect(events.map((event) => [event.type, event.data])).toEqual([["sequence_task_done", { taskId: "seqtask_1", enrolmentId: enrolment.id, channel: "call" }]]);
    expect(await listSequenceTasks(ctx, REP, {})).toEqual([]);
    expect(await failureOf(completeSequenceTask(ctx, REP, "seqtask_missing"))).toEqual({ code: "not_found", field: "id" });
  });

  it("keeps a task in the queue of its lead's current owner, who may complete it, and drops it from every queue once its sequence stops", async () => {
    const sequence = await createSequence(ctx, MANAGER, input("Calls after a handover", [{ ...email(), channel: "call", subject: "", body: "Call {{ lead.firstName }}" }]));
    const leadId = await captureLeadOwnedBy(ctx, "user_rep", { email: "di@lead.test", firstName: "Di" });
    const enrolment = await enrolLead(ctx, REP, leadId, { sequenceId: sequence.id, isReplacing: false });
    const task = { id: "seqtask_handover", enrolmentId: enrolment.id, leadId, ownerId: "user_rep", cycle: 0, stepIndex: 0, channel: "call" as const, instructions: "Call Di", dueAt: ctx.clock.now(), doneAt: null, doneBy: null };
    await insertSequenceTask(database.db, task);
    await insertSequenceTask(database.db, { ...task, id: "seqtask_handover_2", stepIndex: 1 });
    await updateLead(database.db, { ...(await findLeadById(database.db, leadId))!, ownerId: "user_other" });
    expect((await listSequenceTasks(ctx, REP, {})).map((open) => open.id)).not.toContain(task.id);
    expect((await listSequenceTasks(ctx, OTHER_REP, {})).map((open) => [open.id, open.ownerId])).toEqual([[task.id, "user_other"], ["seqtask_handover_2", "user_other"]]);
    expect(await failureOf(completeSequenceTask(ctx, REP, task.id))).toEqual({ code: "not_found", field: "id" });
    expect(await completeSequenceTask(ctx, OTHER_REP, task.id)).toMatchObject({ ownerId: "user_other", doneBy: "user:user_other" });
    await stopEnrolment(ctx, MANAGER, leadId);
    expect((await listSequenceTasks(ctx, OTHER_REP, {})).map((open) => open.id)).toEqual([]);
    expect((await listSequenceTasks(ctx, MANAGER, { ownerId: null })).map((open) => open.id)).not.toContain("seqtask_handover_2");
  });
});
