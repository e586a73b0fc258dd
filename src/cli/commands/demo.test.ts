import { describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/support/engines.js";
import { cliDatabasePerTest, runCliInProcess } from "../../../test/support/run-cli.js";
import { registerDemoCommand } from "./demo.js";

/** Runs `closeloop demo ARGS` in this process and returns what it printed. */
async function demo(args: string[]): Promise<string> {
  const { stdout, error } = await runCliInProcess(registerDemoCommand, ["demo", ...args]);
  if (error) throw error;
  return stdout;
}

describe.each(ENGINES)("closeloop demo (%s)", (engine) => {
  cliDatabasePerTest(engine, "closeloop-demo-");

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
