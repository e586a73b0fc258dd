import path from "node:path";
import { SingleBar } from "cli-progress";
import { type Command, Option } from "commander";
import { invalidField } from "../../domain/errors.js";
import { LEAD_FIELD_MAX_LENGTH } from "../../domain/lead/lead-limits.js";
import { PRESET_NAMES, type PresetName } from "../../domain/lead-import/column-presets.js";
import type { ColumnTarget } from "../../domain/lead-import/column-target.js";
import { type ColumnMapping, parseColumnOverrides } from "../../domain/lead-import/map-columns.js";
import { type ImportLeadsOptions, type ImportReport, importLeads } from "../../services/import-leads.js";
import { quietLog, withRuntime } from "../runtime.js";

type ImportFlags = { map?: string[]; preset?: PresetName; rejects?: string; source?: string; campaign?: string; speedToLead?: boolean };

/** `closeloop import FILE.csv`: capture leads from a CSV file, with a progress bar and a rejects file. */
export function registerImportCommand(program: Command): void {
  program
    .command("import")
    .description("Import leads from a CSV file: a HubSpot, Salesforce or Pipedrive export, a closeloop export, or any file with an email or phone column.")
    .argument("<file>", "CSV file (UTF-8, comma-separated, first row is the header)")
    .option("--map <column=field>", "send a column to a field, to custom.<name>, or to - to skip it (repeatable)", (value, all: string[] = []) => [...all, value])
    .addOption(new Option("--preset <name>", "how to read the headers (detected when omitted)").choices(PRESET_NAMES))
    .option("--rejects <path>", "where rejected rows go (default: FILE.rejects.csv beside FILE)")
    .option("--source <source>", "source for rows that have none")
    .option("--campaign <campaign>", "campaign for rows that have none")
    .option("--speed-to-lead", "start SLA clocks and notify owners for new leads, as a live capture does (for fresh lists)")
    .action(async (file: string, flags: ImportFlags) => {
      const options = importOptions(file, flags);
      const bar = process.stderr.isTTY ? new SingleBar({ format: "{bar} {percentage}% | {rows} rows | ETA {eta_formatted}" }) : undefined;
      await withRuntime(
        async ({ ctx }) => {
          let report: ImportReport;
          try {
            report = await importLeads(ctx, { ...options, ...progressCallbacks(bar) });
          } finally {
            bar?.stop();
          }
          printReport(report);
        },
        { log: quietLog() },
      );
    });
}

/** Checks every flag before the database is opened; errors name the flag. */
function importOptions(file: string, flags: ImportFlags): ImportLeadsOptions {
  return {
    file,
    rejectsFile: flags.rejects ?? path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.rejects.csv`),
    preset: flags.preset,
    overrides: parseColumnOverrides(flags.map ?? []),
    defaults: {
      source: checkedText("--source", flags.source, LEAD_FIELD_MAX_LENGTH.source),
      campaign: checkedText("--campaign", flags.campaign, LEAD_FIELD_MAX_LENGTH.campaign),
    },
    isSpeedToLead: flags.speedToLead === true,
  };
}

function checkedText(flag: string, value: string | undefined, maxLength: number): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === "" || trimmed.length > maxLength) throw invalidField(flag, `must be 1 to ${maxLength} characters`);
  return trimmed;
}

/** Describes the mapping on stderr and, on a terminal, moves a bar of bytes read. */
function progressCallbacks(bar: SingleBar | undefined): Pick<ImportLeadsOptions, "onStart" | "onProgress"> {
  return {
    onStart: (mapping, totalBytes) => {
      process.stderr.write(describeMapping(mapping));
      bar?.start(totalBytes, 0, { rows: 0 });
    },
    onProgress: ({ bytesRead, rowsRead, totalBytes }) => bar?.update(Math.min(bytesRead, totalBytes), { rows: rowsRead }),
  };
}

function describeMapping({ preset, isPresetDetected, columns }: ColumnMapping): string {
  const how = isPresetDetected ? `${preset} (detected; --preset to change)` : preset;
  const mapped = columns.map(({ header, target }) => `${header} → ${describeTarget(target)}`).join(", ");
  return `Reading as ${how}. Columns: ${mapped}\n`;
}

function describeTarget(target: ColumnTarget): string {
  if (target.kind === "field") return target.field;
  return target.kind === "custom" ? `custom.${target.name}` : "(skipped)";
}

function printReport(report: ImportReport): void {
  const lines = [`created ${report.created}, merged ${report.merged}, rejected ${report.rejected}`];
  if (report.rejectsFile) lines.push(`Rejected rows and reasons: ${report.rejectsFile}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}
