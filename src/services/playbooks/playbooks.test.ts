import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../domain/access/permission.js";
import type { PlaybookInput } from "../../domain/scoring/playbook.js";
import { failureOf } from "../../../test/support/domain-failure.js";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../../test/support/engines.js";
import { emailStep, insertTestSequence } from "../../../test/support/sequence-fixtures.js";
import { workspaceEvents } from "../../../test/support/workspace-events.js";
import { createPlaybook } from "./create-playbook.js";
import { deletePlaybook } from "./delete-playbook.js";
import { getPlaybook, listPlaybooks } from "./get-playbook.js";
import { updatePlaybook } from "./update-playbook.js";

const MANAGER: Principal = { kind: "user", userId: "user_mgr", role: "manager" };
const REP: Principal = { kind: "user", userId: "user_rep", role: "rep" };
const HOUR_MS = 60 * 60 * 1000;

const input = (name: string, overrides: Partial<PlaybookInput> = {}): PlaybookInput => ({
  name,
  intentLevel: "high",
  source: null,
  slaPolicyId: null,
  sequenceId: null,
  stageGuidance: null,
  ...overrides,
});

describe.each(ENGINES)("playbooks on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
    await insertTestSequence(ctx, "seq_demo", [emailStep(0)]);
    await insertTestSequence(ctx, "seq_old", [emailStep(0)], { isArchived: true });
  });
  afterAll(() => database.destroy());

  it("creates, changes, lists and deletes playbooks, each with its event", async () => {
    const created = await createPlaybook(ctx, MANAGER, input(" Hot demo requests ", { slaPolicyId: "sla_standard", sequenceId: "seq_demo", stageGuidance: "Call within the hour." }));
    expect(created).toMatchObject({ name: "Hot demo requests", intentLevel: "high", source: null, slaPolicyId: "sla_standard", sequenceId: "seq_demo", createdAt: ctx.clock.now() });
    expect(await getPlaybook(ctx, created.id)).toEqual(created);

    ctx.clock.advance(HOUR_MS);
    const changed = await updatePlaybook(ctx, MANAGER, created.id, input("Hot leads", { source: "Webinar" }));
    expect(changed).toEqual({ ...created, name: "Hot leads", source: "Webinar", slaPolicyId: null, sequenceId: null, stageGuidance: null, updatedAt: ctx.clock.now() });
    const low = await createPlaybook(ctx, MANAGER, input("Nurture", { intentLevel: "low" }));
    const anyHigh = await createPlaybook(ctx, MANAGER, input("Any hot lead"));
    expect((await listPlaybooks(ctx)).map((playbook) => playbook.name)).toEqual(["Hot leads", "Any hot lead", "Nurture"]);

    await deletePlaybook(ctx, MANAGER, low.id);
    expect(await failureOf(getPlaybook(ctx, low.id))).toEqual({ code: "not_found", field: "id" });
    expect((await workspaceEvents(database.db, "playbook_saved")).map((event) => [event.actor, event.data])).toEqual([
      ["user:user_mgr", { playbookId: created.id, name: "Hot demo requests" }],
      ["user:user_mgr", { playbookId: created.id, name: "Hot leads" }],
      ["user:user_mgr", { playbookId: low.id, name: "Nurture" }],
      ["user:user_mgr", { playbookId: anyHigh.id, name: "Any hot lead" }],
    ]);
    expect((await workspaceEvents(database.db, "playbook_deleted")).map((event) => event.data)).toEqual([{ playbookId: low.id, name: "Nurture" }]);
    await deletePlaybook(ctx, MANAGER, created.id);
    await deletePlaybook(ctx, MANAGER, anyHigh.id);
  });

  it("refuses a second playbook for the same intent level and source (any case) naming source, and a taken name naming name", async () => {
    const webinar = await createPlaybook(ctx, MANAGER, input("Webinar, medium", { intentLevel: "medium", source: "webinar" }));
    const anySource = await createPlaybook(ctx, MANAGER, input("Medium", { intentLevel: "medium" }));
    expect(await failureOf(createPlaybook(ctx, MANAGER, input("Webinar again", { intentLevel: "medium", source: "WEBINAR" })))).toEqual({ code: "conflict", field: "source" });
    expect(await failureOf(createPlaybook(ctx, MANAGER, input("Medium again", { intentLevel: "medium" })))).toEqual({ code: "conflict", field: "source" });
    expect(await failureOf(updatePlaybook(ctx, MANAGER, anySource.id, input("Medium", { intentLevel: "medium", source: "Webinar" })))).toEqual({ code: "conflict", field: "source" });
    expect(await failureOf(createPlaybook(ctx, MANAGER, input("Webinar, medium", { intentLevel: "low" })))).toEqual({ code: "conflict", field: "name" });
    expect(await updatePlaybook(ctx, MANAGER, webinar.id, input("Webinar, medium", { intentLevel: "medium", source: "Webinar" }))).toMatchObject({ source: "Webinar" });
  });

  it("refuses an unknown SLA policy and an unknown or archived sequence, naming the field", async () => {
    expect(await failureOf(createPlaybook(ctx, MANAGER, input("No policy", { slaPolicyId: "sla_missing" })))).toEqual({ code: "invalid", field: "slaPolicyId" });
    expect(await failureOf(createPlaybook(ctx, MANAGER, input("No sequence", { sequenceId: "seq_missing" })))).toEqual({ code: "invalid", field: "sequenceId" });
    expect(await failureOf(createPlaybook(ctx, MANAGER, input("Archived", { sequenceId: "seq_old" })))).toEqual({ code: "invalid", field: "sequenceId" });
    expect(await failureOf(createPlaybook(ctx, MANAGER, input("x".repeat(81))))).toEqual({ code: "invalid", field: "name" });
  });

  it("lets only those who manage scoring write, and answers not_found for an unknown id", async () => {
    expect(await failureOf(createPlaybook(ctx, REP, input("Rep's own", { intentLevel: "low", source: "rep" })))).toEqual({ code: "forbidden", field: undefined });
    expect(await failureOf(updatePlaybook(ctx, MANAGER, "playbook_missing", input("Nowhere", { source: "nowhere" })))).toEqual({ code: "not_found", field: "id" });
    expect(await failureOf(deletePlaybook(ctx, MANAGER, "playbook_missing"))).toEqual({ code: "not_found", field: "id" });
    expect(await failureOf(deletePlaybook(ctx, REP, "playbook_missing"))).toEqual({ code: "forbidden", field: undefined });
  });
});
