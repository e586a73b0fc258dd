import fs from "node:fs";
import type { Command } from "commander";
import { CsvError } from "csv-parse";
import { parse } from "csv-parse/sync";
import { invalidField } from "../../domain/errors.js";
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
      const { report } = trainModel(rows.records, rows.outcomes);
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

/** Reads the whole file (a 100,000-row export is tens of MB) and splits the outcome column from the features. */
function readOutcomeRows(flags: EvaluateFlags): OutcomeRows {
  const [header, ...rows] = readCsv(flags.csv);
  if (!header) throw invalidField("--csv", `${flags.csv} has no header row`);
  const columns = header.map((cell, i) => cell.trim() || `column ${i + 1}`);
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
    const record: FeatureRecord = {};
    columns.forEach((column, j) => {
      if (j !== outcomeAt) record[column] = cells[j] ?? "";
    });
    result.records.push(record);
  });
  return result;
}

function readCsv(file: string): string[][] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw invalidField("--csv", `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    // Same reading as `closeloop import`: a BOM is dropped, quotes inside a cell are text.
    return parse(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw invalidField("--csv", `${file}: ${error.message}`);
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
