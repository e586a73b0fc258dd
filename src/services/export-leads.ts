import fs from "node:fs";
import type { Lead } from "../domain/lead/lead.js";
import { exportHeader, leadToExportRow } from "../domain/lead-import/export-columns.js";
import { type LeadCursor, type LeadListFilter, listLeads } from "../store/leads.js";
import type { ServiceContext } from "./context.js";
import { createCsvOutput } from "./csv-output.js";

export type ExportLeadsOptions = {
  file: string;
  filter: Pick<LeadListFilter, "source" | "stage" | "campaign" | "createdFrom">;
  onProgress?: (exported: number) => void;
};

export type ExportReport = { exported: number; customFields: string[] };

/** Leads per page read; one page is all the export holds in memory. */
const PAGE_SIZE = 1000;

/**
 * Writes the leads matching the filter to a CSV file, oldest first, one `custom.<name>` column
 * per custom field name, so the file opens as a plain spreadsheet and imports back with the
 * `closeloop` preset. Two passes over the leads, one page at a time: the first collects the
 * custom field names for the header, the second writes the rows. Leads created after the
 * export starts are left out of both; a custom field a merge adds to an existing lead while the
 * export runs may be missing from its row. The file appears complete or not at all.
 */
export async function exportLeads(ctx: ServiceContext, options: ExportLeadsOptions): Promise<ExportReport> {
  const filter: LeadListFilter = { ...options.filter, createdTo: ctx.clock.now() + 1 };
  const names = new Set<string>();
  for await (const page of pagesOf(ctx, filter)) for (const lead of page) for (const name of Object.keys(lead.custom)) names.add(name);
  const customFields = [...names].sort();
  const partial = `${options.file}.partial`;
  const output = createCsvOutput(partial, exportHeader(customFields), "file");
  let exported = 0;
  try {
    for await (const page of pagesOf(ctx, filter)) {
      await output.writeRows(page.map((lead) => leadToExportRow(lead, customFields)));
      exported += page.length;
      options.onProgress?.(exported);
    }
    await output.close();
    fs.renameSync(partial, options.file);
  } catch (error) {
    // The first failure is the one to report; closing a broken stream may fail again.
    await output.close().catch(() => undefined);
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return { exported, customFields };
}

async function* pagesOf(ctx: ServiceContext, filter: LeadListFilter): AsyncGenerator<Lead[]> {
  let after: LeadCursor | undefined;
  for (;;) {
    const page = await listLeads(ctx.db, filter, "created_asc", PAGE_SIZE, after);
    if (page.length > 0) yield page;
    if (page.length < PAGE_SIZE) return;
    const last = page[page.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
}
