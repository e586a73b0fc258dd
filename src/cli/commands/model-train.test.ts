import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { findLatestScoringModel } from "../../store/scoring-models.js";
import { seedClosedLeads } from "../../../test/support/closed-lead-history.js";
import { ENGINES, openTestDatabase, type TestDatabase } from "../../../test/support/engines.js";
import { registerModelCommands } from "./model.js";

/** Runs `closeloop model train` in this process (a child process costs a TypeScript compile). */
async function train(): Promise<{ stdout: string; error?: Error }> {
  const program = new Command().exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  registerModelCommands(program);
  program.commands.forEach((group) => group.commands.forEach((command) => command.exitOverride()));
  let stdout = "";
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  try {
    await program.parseAsync(["model", "train"], { from: "user" });
    return { stdout };
  } catch (error) {
    return { stdout, error: error as Error };
  } finally {
    write.mockRestore();
  }
}

describe.each(ENGINES)("closeloop model train (%s)", (engine) => {
  let dataDir: string;
  let database: TestDatabase;
  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "closeloop-model-"));
    database = await openTestDatabase(engine, { sqliteFile: path.join(dataDir, "closeloop.db") });
    vi.stubEnv("DATA_DIR", dataDir);
    vi.stubEnv("DATABASE_URL", engine === "postgres" ? database.location : "");
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await database.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("trains on the database's closed leads and prints the report", async () => {
    await seedClosedLeads(database.db, { count: 210, wins: 42 });
    const result = await train();
    expect(result.error).toBeUndefined();
    expect(result.stdout).toMatch(/^Model version 1 is in use\./);
    expect(result.stdout).toMatch(/AUC\s+[01]\.\d{3}/);
    expect(result.stdout).toContain("Brier score");
    expect(result.stdout).toContain("Expected calibration error");
    expect(result.stdout).toContain("Reliability");
    expect(result.stdout).toContain("Strongest signals:");
    expect(await findLatestScoringModel(database.db)).toMatchObject({ version: 1, trainedBy: "cli", closedCount: 210, winCount: 42 });
  });

  it("refuses with the readiness message below the minimum history", async () => {
    await seedClosedLeads(database.db, { count: 50, wins: 10 });
    const result = await train();
    expect(result.error).toMatchObject({ code: "insufficient_history", message: expect.stringContaining("150 more closed leads and 30 more wins") });
    expect(result.stdout).toBe("");
  });
});
