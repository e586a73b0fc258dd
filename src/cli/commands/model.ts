import fs from "node:fs";
import type { Command } from "commander";
import { CsvError } from "csv-parse";
import { parse } from "csv-parse/sync";
import { DomainError, invalidField } from "../../domain/errors.js";
import { type FeatureSpec, detectFeatureSpec } from "../../domain/scoring/model/feature-spec.js";
import { type FeatureRecord, yesNoOf } from "../../domain/scoring/model/feature-values.js";
import { modelReadiness } from "../../domain/scoring/model/model-readiness.js";
import { DEFAULT_FOLDS, type ModelReport, crossValidationShortfall, trainModel } from "../../domain/scoring/model/train-model.js";
import { trainScoringModel } from "../../services/scoring/train-scoring-model.js";
import { quietLog, withRuntime } from "../runtime.js";

type EvaluateFlags = { csv: string; outcome: string; positive?: string; json?: boolean };

/** Closed leads read from a CSV: the feature records, whether each was won, and rows left out for a blank outcome. */
type OutcomeRows = { records: FeatureRecord[]; outcomes: boolean[]; blankOutcomes: number };

/** Signals printed in text output; `--json` has them all. */
const SHOWN_SIGNALS = 10;

/** `closeloop model …`: the learned scoring model. */
export function registerModelCommands(program: Command): void {
  const model = program.command("model").description("The learned scoring model: how well it predicts wins, and what it has learned.");
  model
    .command("evaluate")
    .description("Train and cross-validate the model on any CSV export with a won/lost column, without a server or an import.")
    .requiredOption("--csv <file>", "CSV file (UTF-8, comma-separated, first row is the header)")
    .requiredOption("--outcome <column>", "the column saying whether the lead was won: yes/no, true/false, 1/0 or won/lost")
    .option("--positive <value>", "the outcome value that means won; any other non-blank value is a loss")
    .option("--json", "print the report as JSON")
    .action((flags: EvaluateFlags) => {
      const rows = readOutcomeRows(flags);
      const wins = rows.outcomes.filter(Boolean).length;
      const losses = rows.outcomes.length - wins;
      const shortfall = crossValidationShortfall(wins, losses, DEFAULT_FOLDS);
      if (shortfall !== null) throw invalidField(wins > 0 && losses > 0 ? "--csv" : "--outcome", shortfall);
      const { report } = trainModel(rows.records, rows.outcomes, { spec: usableFeatureSpec(rows, flags.outcome) });
      const output = flags.json ? `${JSON.stringify({ rowsUsed: rows.outcomes.length, blankOutcomes: rows.blankOutcomes, report }, null, 2)}\n` : formatEvaluation(report, rows.blankOutcomes);
      process.stdout.write(output);
    });
  model
    .command("train")
    .description("Train the model on the database's closed leads and put it in use; below the minimum history, say how much more it needs (exit 1).")
    .action(() =>
      withRuntime(
        async ({ ctx }) => {
          const { version, report } = await trainScoringModel(ctx, "cli");
          process.stdout.write(`Model version ${version} is in use. Open leads are rescored by the worker.\n${formatModelReport(report)}`);
        },
        { log: quietLog() },
      ),
    );
}

/**
 * Reads the whole file (a 100,000-row export is tens of MB; training needs every row in memory
 * anyway, so streaming would save only the text) and splits the outcome column from the features.
 */
function readOutcomeRows(flags: EvaluateFlags): OutcomeRows {
  const [header, ...rows] = readCsv(flags.csv);
  if (!header) throw invalidField("--csv", `${flags.csv} has no header row`);
  const columns = header.map((cell, i) => cell.trim() || `column ${i + 1}`);
  const duplicated = duplicatesOf(columns);
  if (duplicated.length > 0) {
    throw invalidField("--csv", `${flags.csv} names ${duplicated.length === 1 ? "a column" : "columns"} more than once in its header: ${duplicated.map((column) => `"${column}"`).join(", ")}; rename them so each column has its own name`);
  }
  const outcomeAt = outcomeColumnIndex(columns, flags.outcome);
  const isWon = outcomeReader(flags);
  const result: OutcomeRows = { records: [], outcomes: [], blankOutcomes: 0 };
  rows.forEach((cells, i) => {
    if (cells.every((cell) => cell.trim() === "")) return;
    const outcome = (cells[outcomeAt] ?? "").trim();
    if (outcome === "") {
      result.blankOutcomes++;
      return;
    }
    result.outcomes.push(isWon(outcome, i + 1));
    // No prototype: a column may be called `__proto__` or `constructor` and must stay a column.
    const record = Object.create(null) as FeatureRecord;
    columns.forEach((column, j) => {
      if (j !== outcomeAt) record[column] = cells[j] ?? "";
    });
    result.records.push(record);
  });
  return result;
}

/** Column names that appear more than once, each named once, in header order. */
function duplicatesOf(columns: string[]): string[] {
  const seen = new Set<string>();
  const duplicated = new Set<string>();
  for (const column of columns) {
    if (seen.has(column)) duplicated.add(column);
    seen.add(column);
  }
  return [...duplicated];
}

/**
 * The feature spec of the rows, refusing when no column is left to learn from: a model of the
 * win rate alone would report an AUC of 0.5 that says nothing about the file.
 */
function usableFeatureSpec(rows: OutcomeRows, outcome: string): FeatureSpec {
  const spec = detectFeatureSpec(rows.records);
  if (spec.columns.length > 0) return spec;
  if (spec.skipped.length === 0) throw invalidField("--csv", `no usable columns: the only column is the outcome "${outcome}"`);
  throw invalidField("--csv", `no usable columns besides the outcome: ${spec.skipped.map((skipped) => `"${skipped.column}" ${skipped.reason}`).join("; ")}`);
}

/** Larger files are refused: decoding and parsing would take several times this much memory. */
export const MAX_CSV_BYTES = 200 * 1024 * 1024;

function readCsv(file: string): string[][] {
  const text = decodeUtf8(readAtMost(file, MAX_CSV_BYTES), file);
  try {
    // Same reading as `closeloop import`: quotes inside a cell are text. The BOM is already gone.
    return parse(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw invalidField("--csv", `${file}: ${error.message}`);
  }
}

/** The file's bytes, refusing more than `limit`: a regular file by its size, before reading; a pipe or device once that much has come. */
function readAtMost(file: string, limit: number): Buffer {
  const tooLarge = () => invalidField("--csv", `${file} is larger than ${limit / (1024 * 1024)} MB; evaluate on a sample of its rows`);
  const cannotRead = (error: unknown) => invalidField("--csv", `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  let fd: number;
  try {
    fd = fs.openSync(file, "r");
  } catch (error) {
    throw cannotRead(error);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isFile()) {
      if (stat.size > limit) throw tooLarge();
      return fs.readFileSync(fd);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for (let read = -1; read !== 0; ) {
      const chunk = Buffer.allocUnsafe(READ_CHUNK_BYTES);
      read = fs.readSync(fd, chunk, 0, chunk.length, null);
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > limit) throw tooLarge();
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    throw error instanceof DomainError ? error : cannotRead(error);
  } finally {
    fs.closeSync(fd);
  }
}

/** Read size for a pipe or device, whose size is not known in advance. */
const READ_CHUNK_BYTES = 1024 * 1024;

/** The bytes as UTF-8 text without a BOM; a byte sequence that is not UTF-8 is refused rather than read as U+FFFD. */
function decodeUtf8(bytes: Buffer, file: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalidField("--csv", `${file} is not UTF-8 text; save it as CSV UTF-8 and try again`);
  }
}

/** The outcome column by exact name, else by name ignoring case; the error lists the columns. */
function outcomeColumnIndex(columns: string[], wanted: string): number {
  const exact = columns.indexOf(wanted.trim());
  if (exact >= 0) return exact;
  const ignoringCase = columns.findIndex((column) => column.toLowerCase() === wanted.trim().toLowerCase());
  if (ignoringCase >= 0) return ignoringCase;
  throw invalidField("--outcome", `there is no column "${wanted}"; the columns are: ${columns.join(", ")}`);
}

/** Won when the value is `--positive` (ignoring case), else when it is yes-like; without `--positive` a value must be yes/no-like. */
function outcomeReader(flags: EvaluateFlags): (value: string, rowNumber: number) => boolean {
  const positive = flags.positive?.trim().toLowerCase();
  if (positive !== undefined) return (value) => value.toLowerCase() === positive;
  return (value, rowNumber) => {
    const isWon = yesNoOf(value);
    if (isWon === null) throw invalidField("--outcome", `row ${rowNumber} says "${value}", which is not yes/no, true/false, 1/0 or won/lost; name the winning value with --positive`);
    return isWon;
  };
}

const percent = (share: number) => `${(100 * share).toFixed(1)}%`;

/** The report for a person: the three numbers with what they mean, the reliability table, the strongest signals. */
export function formatModelReport(report: ModelReport): string {
  const winRate = report.wins / report.closed;
  const lines = [
    `Cross-validated in ${report.folds} folds on ${report.closed.toLocaleString("en-US")} closed leads (${report.wins.toLocaleString("en-US")} won, ${percent(winRate)}):`,
    `  AUC                         ${report.auc.toFixed(3)}  (0.5 is a coin toss; 1 ranks every win above every loss)`,
    `  Brier score                 ${report.brier.toFixed(3)}  (0 is perfect; always predicting ${percent(winRate)} scores ${(winRate * (1 - winRate)).toFixed(3)})`,
    `  Expected calibration error  ${report.expectedCalibrationError.toFixed(3)}  (average gap between predicted and actual win rate)`,
    "",
    "Reliability (leads by predicted win probability):",
    "  predicted   leads   mean predicted   actually won",
    ...report.reliability.map(
      (bin) => `  ${`${Math.round(100 * bin.from)}–${Math.round(100 * bin.to)}%`.padEnd(9)} ${String(bin.count).padStart(7)}   ${percent(bin.meanPredicted).padStart(14)}   ${percent(bin.observedRate).padStart(12)}`,
    ),
    "",
    "Strongest signals:",
    ...report.signals.slice(0, SHOWN_SIGNALS).map((signal) => `  ${signal.words}`),
  ];
  if (report.skipped.length > 0) lines.push("", "Columns not used:", ...report.skipped.map((skipped) => `  ${skipped.column}: ${skipped.reason}`));
  return `${lines.join("\n")}\n`;
}

function formatEvaluation(report: ModelReport, blankOutcomes: number): string {
  const notes = [];
  if (blankOutcomes > 0) notes.push(`${blankOutcomes.toLocaleString("en-US")} rows with a blank outcome were skipped.`);
  const readiness = modelReadiness(report.closed, report.wins);
  if (!readiness.isReady) notes.push(`In the app: ${readiness.message}`);
  return formatModelReport(report) + (notes.length > 0 ? `\n${notes.join("\n")}\n` : "");
}
