import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ENGINES, openTestDatabase, type TestDatabase } from "../../../test/support/engines.js";
import { registerDemoCommand } from "./demo.js";

/** Runs `closeloop demo ARGS` in this process (a child process costs a TypeScript compile) and returns what it printed. */
async function demo(args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerDemoCommand(program);
  let stdout = "";
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  try {
    await program.parseAsync(["demo", ...args], { from: "user" });
    return stdout;
  } finally {
    write.mockRestore();
  }
}

describe.each(ENGINES)("closeloop demo (%s)", (engine) => {
  let dataDir: string;
  let database: TestDatabase;
  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "closeloop-demo-"));
    database = await openTestDatabase(engine, { sqliteFile: path.join(dataDir, "closeloop.db") });
    vi.stubEnv("DATA_DIR", dataDir);
    vi.stubEnv("DATABASE_URL", engine === "postgres" ? database.location : "");
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await database.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("prints the scoring next to the follow-up: leads per bucket, the playbooks and the model's version and AUC", async () => {
    const stdout = await demo(["--seed", "3", "--days", "60", "--leads-per-day", "20"]);
    expect(stdout).toMatch(/^Follow-up: .*\nScoring: [\d,]+ leads scored \(closed ones as they closed\): [\d,]+ hot, [\d,]+ warm, [\d,]+ cold, [\d,]+ unqualified\.\n/m);
    expect(stdout).toContain("Playbooks: High intent: book the demo; Medium intent: qualify; Low intent: nurture.\n");
    expect(stdout).toMatch(/^Model: version 1, AUC 0\.\d\d on [\d,]+ closed leads \([\d,]+ won\)\.$/m);
  });

  it("says how much more history the model needs when the demo is short", async () => {
    const stdout = await demo(["--seed", "3", "--days", "10", "--leads-per-day", "5"]);
    expect(stdout).toMatch(/^Model: not trained\. The model needs 200 closed leads with at least 40 wins; you have \d+ closed and \d+ wins?: .*more wins\.$/m);
  });
});
