import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PIPELINE, type PipelineConfig } from "../../domain/pipeline/pipeline-config.js";
import { insertLeads, updateLead } from "../../store/leads.js";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../../test/support/engines.js";
import { buildLead } from "../../../test/support/factories.js";
import { workspaceEvents } from "../../../test/support/workspace-events.js";
import { readPipelineConfig } from "./read-pipeline-config.js";
import { savePipelineConfig } from "./save-pipeline-config.js";

const demoStage = { ...DEFAULT_PIPELINE.stages[2]!, key: "demo", name: "Demo", exitChecklist: [], checklistMode: "warn" as const };
const withDemo: PipelineConfig = { ...DEFAULT_PIPELINE, stages: [...DEFAULT_PIPELINE.stages.slice(0, 3), demoStage, ...DEFAULT_PIPELINE.stages.slice(3)] };

describe.each(ENGINES)("savePipelineConfig on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
  });
  afterAll(() => database.destroy());

  it("starts from the default pipeline, saves a new one trimmed and appends pipeline_changed", async () => {
    expect(await readPipelineConfig(ctx)).toEqual(DEFAULT_PIPELINE);
    const saved = await savePipelineConfig(ctx, { ...withDemo, stages: withDemo.stages.map((stage) => (stage.key === "demo" ? { ...stage, name: "  Demo  " } : stage)) }, "user:boss");
    expect(saved).toEqual(withDemo);
    expect(await readPipelineConfig(ctx)).toEqual(withDemo);
    expect(await workspaceEvents(database.db, "pipeline_changed")).toEqual([
      { actor: "user:boss", at: ctx.clock.now(), data: { addedStages: ["demo"], removedStages: [], pipeline: withDemo } },
    ]);
  });

  it("writes nothing when the configuration is unchanged", async () => {
    const before = (await workspaceEvents(database.db, "pipeline_changed")).length;
    await savePipelineConfig(ctx, await readPipelineConfig(ctx), "user:boss");
    expect(await workspaceEvents(database.db, "pipeline_changed")).toHaveLength(before);
  });

  it("refuses a bad configuration naming the field, and keeps the current one", async () => {
    const before = await readPipelineConfig(ctx);
    const duplicated = { ...withDemo, stages: withDemo.stages.map((stage) => (stage.key === "demo" ? { ...stage, key: "qualified" } : stage)) };
    await expect(savePipelineConfig(ctx, duplicated, "user:boss")).rejects.toMatchObject({ code: "invalid", field: "stages.3.key" });
    expect(await readPipelineConfig(ctx)).toEqual(before);
  });

  it("refuses to remove a stage that still holds leads (conflict), and removes it once it is empty", async () => {
    const lead = buildLead({ id: ctx.ids("lead"), stage: "demo" });
    await insertLeads(database.db, [lead]);
    await expect(savePipelineConfig(ctx, DEFAULT_PIPELINE, "user:boss")).rejects.toMatchObject({ code: "conflict", field: "stages", message: expect.stringContaining("demo (1 lead)") });
    expect(await readPipelineConfig(ctx)).toEqual(withDemo);
    await updateLead(database.db, { ...lead, stage: "qualified" });
    await savePipelineConfig(ctx, DEFAULT_PIPELINE, "user:boss");
    expect(await readPipelineConfig(ctx)).toEqual(DEFAULT_PIPELINE);
    expect((await workspaceEvents(database.db, "pipeline_changed")).at(-1)!.data).toMatchObject({ addedStages: [], removedStages: ["demo"] });
  });
});
