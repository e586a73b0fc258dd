import type { Command } from "commander";
import { invalidField } from "../../domain/errors.js";
import { type ExportLeadsOptions, exportLeads } from "../../services/export-leads.js";
import { quietLog, withRuntime } from "../runtime.js";

type ExportFlags = { source?: string; stage?: string; campaign?: string; since?: string };

/** `closeloop export FILE.csv`: every lead (or those matching the filters) to a CSV file that imports back. */
export function registerExportCommand(program: Command): void {
  program
    .command("export")
    .description("Export leads to a CSV file, one custom.<name> column per custom field; `closeloop import` reads it back.")
    .argument("<file>", "CSV file to write (replaced if it exists)")
    .option("--source <source>", "only leads with this source")
    .option("--stage <stage>", "only leads in this stage")
    .option("--campaign <campaign>", "only leads from this campaign")
    .option("--since <date>", "only leads created at or after this date (YYYY-MM-DD, UTC) or ISO 8601 instant")
    .action(async (file: string, flags: ExportFlags) => {
      const filter = exportFilter(flags);
      await withRuntime(
        async ({ ctx }) => {
          const { exported, customFields } = await exportLeads(ctx, { file, filter });
          const custom = customFields.length > 0 ? ` (custom fields: ${customFields.join(", ")})` : "";
          process.stdout.write(`exported ${exported} leads to ${file}${custom}\n`);
        },
        { log: quietLog() },
      );
    });
}

function exportFilter(flags: ExportFlags): ExportLeadsOptions["filter"] {
  return {
    ...(flags.source !== undefined && { source: flags.source }),
    ...(flags.stage !== undefined && { stage: flags.stage }),
    ...(flags.campaign !== undefined && { campaign: flags.campaign }),
    ...(flags.since !== undefined && { createdFrom: parseSince(flags.since) }),
  };
}

/**
 * A bare date is midnight UTC (as `Date.parse` reads it); a date with a time must say its offset.
 * `Date.parse` rolls 2026-02-30 over to March 2, so the date part must also survive a round trip.
 */
function parseSince(value: string): number {
  const isWellFormed = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value);
  const day = Date.parse(value.slice(0, 10));
  const isRealDay = !Number.isNaN(day) && new Date(day).toISOString().slice(0, 10) === value.slice(0, 10);
  const at = Date.parse(value);
  if (!isWellFormed || !isRealDay || Number.isNaN(at)) {
    throw invalidField("--since", `"${value}" is not a date (YYYY-MM-DD) or an ISO 8601 instant with an offset`);
  }
  return at;
}
