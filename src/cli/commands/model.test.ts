import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../../../test/support/run-cli.js";
import { registerModelCommands } from "./model.js";

const FIXTURE = path.resolve(import.meta.dirname, "../../../test/fixtures/model/closed-deals.csv");

/** Runs `closeloop model …` in this process (a child process costs a TypeScript compile each time). */
async function run(args: string[]): Promise<{ stdout: string; error?: Error }> {
  const program = new Command().exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  registerModelCommands(program);
  program.commands.forEach((group) => group.commands.forEach((command) => command.exitOverride()));
  let stdout = "";
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  try {
    await program.parseAsync(["model", "evaluate", ...args], { from: "user" });
    return { stdout };
  } catch (error) {
    return { stdout, error: error as Error };
  } finally {
    write.mockRestore();
  }
}

describe("closeloop model evaluate", () => {
  let dir: string;
  /** A copy of the fixture with its lines changed, for the cases it does not cover. */
  const variant = (name: string, change: (lines: string[]) => string[]) => {
    const file = path.join(dir, name);
    writeFileSync(file, change(readFileSync(FIXTURE, "utf8").trimEnd().split("\n")).join("\n"));
    return file;
  };
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "closeloop-model-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints AUC, Brier score, calibration, the reliability table and the strongest signals", async () => {
    const { stdout, error } = await run(["--csv", FIXTURE, "--outcome", "won"]);
    expect(error).toBeUndefined();
    expect(stdout).toMatch(/^Cross-validated in 5 folds on 392 closed leads \(168 won, 42\.9%\):$/m);
    expect(stdout).toMatch(/^ {2}AUC {25}0\.7\d\d /m);
    expect(stdout).toMatch(/^ {2}Brier score {17}0\.1\d\d /m);
    expect(stdout).toMatch(/^ {2}Expected calibration error {2}0\.0\d\d /m);
    expect(stdout).toMatch(/^ {2}90–100% +\d+ +\d+\.\d% +\d+\.\d%$/m);
    expect(stdout).toMatch(/^Strongest signals:\n {2}Source is Referral \(rather than Website\): raises the odds of winning ×\d\.\d$/m);
    expect(stdout).toContain("  Deal ID: looks like an identifier or contact detail\n  Contact email: looks like an identifier or contact detail\n");
    expect(stdout).toContain("8 rows with a blank outcome were skipped.");
  });

  it("prints the whole report as JSON", async () => {
    const { stdout } = await run(["--csv", FIXTURE, "--outcome", "Won", "--json"]);
    const parsed = JSON.parse(stdout) as { rowsUsed: number; blankOutcomes: number; report: { auc: number; closed: number; wins: number; signals: unknown[]; skipped: { column: string }[] } };
    expect(parsed).toMatchObject({ rowsUsed: 392, blankOutcomes: 8, report: { closed: 392, wins: 168 } });
    expect(parsed.report.auc).toBeGreaterThan(0.7);
    expect(parsed.report.skipped.map((skipped) => skipped.column)).toEqual(["Deal ID", "Contact email"]);
  });

  it("reads any winning value named by --positive", async () => {
    const file = variant("stages.csv", (lines) => lines.map((line, i) => (i === 0 ? line : line.replace(/,Yes$/, ",Closed Won").replace(/,No$/, ",Closed Lost"))));
    const named = await run(["--csv", file, "--outcome", "Won", "--positive", "closed won", "--json"]);
    const yesNo = await run(["--csv", FIXTURE, "--outcome", "Won", "--json"]);
    expect(JSON.parse(named.stdout)).toEqual(JSON.parse(yesNo.stdout));
  });

  it.each([
    [["--csv", "missing.csv", "--outcome", "Won"], "--csv: cannot read missing.csv (ENOENT)"],
    [["--csv", FIXTURE, "--outcome", "Closed"], '--outcome: there is no column "Closed"; the columns are: Deal ID, Contact email, Source, Employees, Budget confirmed, Days to first response, Region, Won'],
    [["--csv", FIXTURE, "--outcome", "Source"], '--outcome: row 1 says "Website", which is not yes/no, true/false, 1/0 or won/lost; name the winning value with --positive'],
    [["--csv", FIXTURE, "--outcome", "Won", "--positive", "Closed Won"], "--outcome: every row is a loss; the model needs both wins and losses"],
  ])("refuses %j with one line naming the flag", async (args, message) => {
    expect((await run(args)).error?.message).toBe(message);
  });

  it("refuses a file with too few wins or losses to cross-validate", async () => {
    const file = variant("short.csv", (lines) => lines.slice(0, 20));
    expect((await run(["--csv", file, "--outcome", "Won"])).error?.message).toMatch(/^--csv: too few rows: cross-validating in 5 folds needs at least 10 wins and 10 losses; there are \d+ wins and \d+ losses$/);
  });

  it("exits 1 with the error on one line of stderr, without a stack trace, when run as a program", { timeout: 120_000 }, async () => {
    const result = await runCli(["model", "evaluate", "--csv", FIXTURE, "--outcome", "Closed"], {});
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^error: --outcome: there is no column "Closed"; the columns are: Deal ID, /)]);
  });
});
