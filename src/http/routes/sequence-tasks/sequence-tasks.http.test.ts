import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../../test/support/engines.js";
import { createFollowUp, leadInSequence, openCallTask } from "../../../../test/support/follow-up-fixtures.js";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/support/http.js";
import { listLeadEvents } from "../../../store/events.js";
import { listEnrolmentsOfLead } from "../../../store/sequence-enrolments.js";
import { isoOf } from "../../instants.js";

const HOUR = 60 * 60 * 1000;

describe.each(ENGINES)("sequence tasks API (%s)", (engine) => {
  let t: TestApp;
  let sequenceId: string;
  let serial = 0;
  beforeAll(async () => {
    t = await createTestApp(engine);
    sequenceId = (await createFollowUp(t.ctx, "Call after the email")).id;
  });
  afterAll(() => t.destroy());

  const list = (query = "", as: TestUser = t.as.rep) => t.app.inject({ method: "GET", url: `/api/v1/sequence-tasks${query}`, headers: as.headers });
  const done = (taskId: string, as: TestUser = t.as.rep) => t.app.inject({ method: "POST", url: `/api/v1/sequence-tasks/${taskId}/done`, headers: as.headers });

  /** A lead of `owner`'s in the sequence with an open call task due now. */
  async function taskOf(owner: TestUser): Promise<{ leadId: string; taskId: string }> {
    const leadId = await leadInSequence(t.ctx, owner.userId, `task-${++serial}@lead.example`, sequenceId);
    const [enrolment] = await listEnrolmentsOfLead(t.ctx.db, leadId);
    return { leadId, taskId: await openCallTask(t.ctx, leadId, enrolment!.id, owner.userId) };
  }

  it("lists the caller's open tasks due now, each naming its lead, and marks one done, once", async () => {
    const mine = await taskOf(t.as.rep);
    const theirs = await taskOf(t.as.otherRep);
    const listed = await list();
    expect(listed.statusCode, listed.body).toBe(200);
    const ids = listed.json().items.map((task: { id: string }) => task.id);
    expect(ids).toContain(mine.taskId);
    expect(ids).not.toContain(theirs.taskId);
    expect(listed.json().items.find((task: { id: string }) => task.id === mine.taskId)).toEqual({
      id: mine.taskId,
      leadId: mine.leadId,
      enrolmentId: expect.any(String),
      ownerId: t.as.rep.userId,
      channel: "call",
      instructions: "Call them about their enquiry",
      stepIndex: 1,
      dueAt: isoOf(t.ctx.clock.now()),
      doneAt: null,
      doneBy: null,
      leadName: "Ann",
    });

    const completed = await done(mine.taskId);
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json()).toMatchObject({ id: mine.taskId, doneAt: isoOf(t.ctx.clock.now()), doneBy: `user:${t.as.rep.userId}` });
    expect((await list()).json().items.map((task: { id: string }) => task.id)).not.toContain(mine.taskId);
    t.ctx.clock.advance(HOUR);
    const again = await done(mine.taskId);
    expect(again.statusCode).toBe(200);
    expect(again.json().doneAt).toBe(completed.json().doneAt);
    const types = (await listLeadEvents(t.ctx.db, mine.leadId)).map((event) => event.type);
    expect(types.filter((type) => type === "sequence_task_done")).toHaveLength(1);
    expect((await t.app.inject({ method: "GET", url: `/api/v1/leads/${mine.leadId}/sequence`, headers: t.as.rep.headers })).json().tasks).toEqual([completed.json()]);
  });

  it("lets managers read anyone's tasks; a rep asking for someone else's gets 403 naming ownerId", async () => {
    const theirs = await taskOf(t.as.otherRep);
    const managed = await list(`?ownerId=${t.as.otherRep.userId}`, t.as.manager);
    expect(managed.statusCode).toBe(200);
    expect(managed.json().items.map((task: { id: string }) => task.id)).toContain(theirs.taskId);
    const refused = await list(`?ownerId=${t.as.otherRep.userId}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: "forbidden", field: "ownerId" });
    expect((await list("?owner=someone")).json()).toMatchObject({ code: "invalid", field: "owner" });
  });

  it("hides another rep's task (404 naming id) and an unknown one", async () => {
    const theirs = await taskOf(t.as.otherRep);
    const refused = await done(theirs.taskId);
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toMatchObject({ code: "not_found", field: "id" });
    expect((await done("sequence_task_missing")).statusCode).toBe(404);
    expect((await done(theirs.taskId, t.as.manager)).statusCode).toBe(200);
  });
});
