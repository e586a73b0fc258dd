import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, runCliInProcess } from "../../../test/support/run-cli.js";
import { MAX_CSV_BYTES, registerModelCommands } from "./model.js";

const FIXTURE = path.resolve(import.meta.dirname, "../../../test/fixtures/model/closed-deals.csv");

/** Runs `closeloop model evaluate ARGS` in this process. */
const run = (args: string[]) => runCliInProcess(registerModelCommands, ["model", "evaluate", ...args]);

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

  /** A file of these bytes in the temp dir. */
  const written = (name: string, content: string | Buffer) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  };
  type Report = { rowsUsed: number; report: { auc: number; signals: { feature: string; words: string }[]; skipped: { column: string }[] } };

  it("refuses a header that names a column twice, naming each duplicated column once", async () => {
    const file = variant("duplicates.csv", (lines) => [lines[0]!.replace("Region", "Source").replace("Employees", "Contact email"), ...lines.slice(1)]);
    expect((await run(["--csv", file, "--outcome", "Won"])).error?.message).toBe(
      `--csv: ${file} names columns more than once in its header: "Contact email", "Source"; rename them so each column has its own name`,
    );
    const blankNames = written("blank-names.csv", "Won,,column 2\nYes,a,b\n");
    expect((await run(["--csv", blankNames, "--outcome", "Won"])).error?.message).toMatch(/names a column more than once in its header: "column 2";/);
  });

  it("learns from columns called __proto__ and constructor like any other", async () => {
    const file = variant("prototype-names.csv", (lines) => [lines[0]!.replace("Source", "__proto__").replace("Region", "constructor"), ...lines.slice(1)]);
    const renamed = JSON.parse((await run(["--csv", file, "--outcome", "Won", "--json"])).stdout) as Report;
    const original = JSON.parse((await run(["--csv", FIXTURE, "--outcome", "Won", "--json"])).stdout) as Report;
    expect(renamed.report.auc).toBe(original.report.auc);
    expect(renamed.report.signals.map((signal) => signal.words)).toEqual(original.report.signals.map((signal) => signal.words.replace(/^Source /, "__proto__ ").replace(/^Region /, "constructor ")));
    expect(renamed.report.signals.map((signal) => signal.feature)).toEqual(expect.arrayContaining(["__proto__ is Referral", "constructor is East"]));
    const asOutcome = variant("prototype-outcome.csv", (lines) => [lines[0]!.replace(/,Won$/, ",__proto__"), ...lines.slice(1)]);
    expect(JSON.parse((await run(["--csv", asOutcome, "--outcome", "__proto__", "--json"])).stdout)).toEqual(original);
  });

  it("refuses bytes that are not UTF-8 rather than reading them as U+FFFD, and drops a UTF-8 BOM", async () => {
    const latin1 = Buffer.concat([readFileSync(FIXTURE), Buffer.from("D-2000,x@example.com,Caf\xe9,10,Yes,1,South,Yes\n", "latin1")]);
    const file = written("latin1.csv", latin1);
    expect((await run(["--csv", file, "--outcome", "Won"])).error?.message).toBe(`--csv: ${file} is not UTF-8 text; save it as CSV UTF-8 and try again`);
    const bom = written("bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(FIXTURE)]));
    const withBom = await run(["--csv", bom, "--outcome", "Won", "--json"]);
    expect(withBom.error).toBeUndefined();
    expect(JSON.parse(withBom.stdout)).toEqual(JSON.parse((await run(["--csv", FIXTURE, "--outcome", "Won", "--json"])).stdout));
    // The first column's name has no BOM in front: an outcome there is found by name.
    expect((await run(["--csv", bom, "--outcome", "Deal ID"])).error?.message).toMatch(/^--outcome: row 1 says "D-1000"/);
  });

  it("refuses a file with no column to learn from besides the outcome, saying why each was skipped", async () => {
    const column = (at: number[]) => (lines: string[]) => lines.map((line) => at.map((i) => line.split(",")[i]).join(","));
    const onlyOutcome = variant("only-outcome.csv", column([7]));
    expect((await run(["--csv", onlyOutcome, "--outcome", "Won"])).error?.message).toBe('--csv: no usable columns: the only column is the outcome "Won"');
    const skippedOnly = variant("skipped-only.csv", (lines) => column([0, 1, 7])(lines).map((line, i) => `${line},${i === 0 ? "Notes" : ""},${i === 0 ? "Country" : "UK"}`));
    expect((await run(["--csv", skippedOnly, "--outcome", "Won"])).error?.message).toBe(
      '--csv: no usable columns besides the outcome: "Deal ID" looks like an identifier or contact detail; "Contact email" looks like an identifier or contact detail; "Notes" has no values; "Country" has the same value in every row',
    );
  });

  it("refuses a file over the size cap before reading it", async () => {
    const file = path.join(dir, "huge.csv");
    writeFileSync(file, readFileSync(FIXTURE));
    truncateSync(file, MAX_CSV_BYTES + 1); // sparse: no disk or memory used
    expect((await run(["--csv", file, "--outcome", "Won"])).error?.message).toBe(`--csv: ${file} is larger than 200 MB; evaluate on a sample of its rows`);
  });

  it("exits 1 with the error on one line of stderr, without a stack trace, when run as a program", { timeout: 120_000 }, async () => {
    const result = await runCli(["model", "evaluate", "--csv", FIXTURE, "--outcome", "Closed"], {});
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^error: --outcome: there is no column "Closed"; the columns are: Deal ID, /)]);
  });
});
