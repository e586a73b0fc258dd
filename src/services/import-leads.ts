import fs from "node:fs";
import { CsvError, type Options as CsvParseOptions, parse } from "csv-parse";
import { invalidField } from "../domain/errors.js";
import type { PresetName } from "../domain/lead-import/column-presets.js";
import { type ColumnMapping, type ColumnOverride, mapColumns, rowToPayload } from "../domain/lead-import/map-columns.js";
import { captureLeads } from "./capture-leads.js";
import type { ServiceContext } from "./context.js";
import { type CsvOutput, createCsvOutput } from "./csv-output.js";

export type ImportLeadsOptions = {
  file: string;
  /** Where rejected rows are written; the file is removed again when no row is rejected. */
  rejectsFile: string;
  preset?: PresetName | undefined;
  overrides: ColumnOverride[];
  /** Source and campaign for rows whose own source / campaign cell is blank. */
  defaults: { source?: string | undefined; campaign?: string | undefined };
  /**
   * Start a speed-to-lead SLA clock and notify owners for each new lead, as a live capture
   * would (for a fresh list, e.g. from an event). Off by default: imported leads are usually
   * history, and a million SLA escalations would page everyone.
   */
  isSpeedToLead?: boolean;
  onStart?: (mapping: ColumnMapping, totalBytes: number) => void;
  onProgress?: (progress: ImportProgress) => void;
};

export type ImportProgress = { bytesRead: number; totalBytes: number; rowsRead: number };

/** `read` counts non-blank data rows: read = created + merged + rejected. */
export type ImportCounts = { read: number; created: number; merged: number; rejected: number };

export type ImportReport = ImportCounts & { mapping: ColumnMapping; rejectsFile: string | undefined };

/** Actor recorded on every event an import appends. */
const IMPORT_ACTOR = "import";

/**
 * Rows per `captureLeads` call, and so per transaction. Measured on 86k rows: 5,000 used about
 * 5% less CPU than 1,000 and 250 about 5% more, but a chunk holds SQLite's single write lock
 * for its whole transaction (~0.3 s at 1,000 rows today), and a server's captures wait behind it.
 */
const CHUNK_ROWS = 1000;

const CSV_OPTIONS: CsvParseOptions = {
  bom: true,
  // A short or long row becomes a reject naming its row, not a failure of the whole file.
  relax_column_count: true,
  // A quote inside an unquoted cell (`5" screen`) is text, as spreadsheets treat it.
  relax_quotes: true,
  // Blank lines are kept so row numbers stay true; the importer skips them.
  skip_empty_lines: false,
  // An unclosed quote would otherwise read the rest of a 1M-row file into one cell.
  max_record_size: 1_000_000,
};

/**
 * A data row as read: its 1-based data row number (the first row after the header is 1; blank
 * rows count, and a quoted cell spanning lines is still one row, so it is the spreadsheet row
 * number minus one) and its cells; `reason` when it is refused before capture.
 */
type SourceRow = { rowNumber: number; cells: string[]; reason?: string };

type RejectedRow = SourceRow & { reason: string };

/**
 * Imports leads from a CSV file, streaming it (never whole in memory) and capturing rows in
 * chunks. Blank rows are skipped. Rows that fail validation or have the wrong number of cells
 * go to the rejects file with their row number and reason. Fails with `invalid` naming `file`
 * when the file is missing, empty, malformed or has no header row.
 */
export async function importLeads(ctx: ServiceContext, options: ImportLeadsOptions): Promise<ImportReport> {
  const totalBytes = sizeOfFile(options.file);
  const input = fs.createReadStream(options.file);
  const parser = input.pipe(parse(CSV_OPTIONS));
  input.on("error", (error) => parser.destroy(error));
  try {
    const rows: AsyncIterableIterator<string[]> = parser[Symbol.asyncIterator]();
    const header = await readHeader(rows, options.file);
    const mapping = mapColumns(header, options);
    options.onStart?.(mapping, totalBytes);
    const counts = await importWithRejects({ ctx, options, mapping, header }, rows, () => input.bytesRead, totalBytes);
    return { ...counts, mapping, rejectsFile: counts.rejected > 0 ? options.rejectsFile : undefined };
  } finally {
    // Stops reading when the header is refused or capture fails part-way; a no-op after the end.
    input.destroy();
  }
}

async function importWithRejects(
  setup: Omit<ImportRun, "rejects" | "counts">,
  rows: AsyncIterableIterator<string[]>,
  bytesRead: () => number,
  totalBytes: number,
): Promise<ImportCounts> {
  const { options, header } = setup;
  const rejects = createCsvOutput(options.rejectsFile, [...header, "row_number", "reason"], "rejects");
  const counts: ImportCounts = { read: 0, created: 0, merged: 0, rejected: 0 };
  try {
    await importRows({ ...setup, rejects, counts }, rows, () => options.onProgress?.({ bytesRead: bytesRead(), totalBytes, rowsRead: counts.read }));
  } finally {
    await rejects.close();
    if (counts.rejected === 0) fs.rmSync(options.rejectsFile, { force: true });
  }
  return counts;
}

type ImportRun = {
  ctx: ServiceContext;
  options: ImportLeadsOptions;
  mapping: ColumnMapping;
  header: string[];
  rejects: CsvOutput;
  counts: ImportCounts;
};

async function importRows(run: ImportRun, rows: AsyncIterableIterator<string[]>, onChunk: () => void): Promise<void> {
  let chunk: SourceRow[] = [];
  let rowNumber = 0;
  try {
    for await (const cells of rows) {
      rowNumber++;
      if (isBlank(cells)) continue;
      run.counts.read++;
      const isWrongLength = cells.length !== run.header.length;
      chunk.push(isWrongLength ? { rowNumber, cells, reason: wrongLengthReason(cells, run.header.length) } : { rowNumber, cells });
      if (chunk.length === CHUNK_ROWS) {
        await captureChunk(run, chunk);
        chunk = [];
        onChunk();
      }
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // Rows before the malformed one are sound: keep them, and say how far the import got.
    await captureChunk(run, chunk);
    const { created, merged, rejected } = run.counts;
    throw invalidField("file", `${error.message}; rows before it were imported (created ${created}, merged ${merged}, rejected ${rejected})`);
  }
  await captureChunk(run, chunk);
  onChunk();
}

/** Captures a chunk in one call and writes its rejects in row order. */
async function captureChunk(run: ImportRun, chunk: SourceRow[]): Promise<void> {
  const capturable = chunk.filter((row) => row.reason === undefined);
  const results = capturable.length > 0 ? await captureLeads(
          run.ctx,
          capturable.map((row) => ({ payload: payloadOf(run, row.cells), actor: IMPORT_ACTOR })),
          { isSpeedToLead: run.options.isSpeedToLead ?? false },
        ) : [];
  const reasons = new Map<SourceRow, string>();
  results.forEach((result, i) => {
    if (result.ok) run.counts[result.outcome]++;
    else reasons.set(capturable[i]!, result.error.message);
  });
  const rejected = chunk.flatMap((row) => {
    const reason = row.reason ?? reasons.get(row);
    return reason === undefined ? [] : [{ ...row, reason }];
  });
  await reject(run, rejected);
}

function payloadOf(run: ImportRun, cells: string[]): Record<string, unknown> {
  const payload = rowToPayload(run.mapping.columns, cells);
  const { source, campaign } = run.options.defaults;
  if (source !== undefined && payload.source === undefined) payload.source = source;
  if (campaign !== undefined && payload.campaign === undefined) payload.campaign = campaign;
  return payload;
}

async function reject(run: ImportRun, rows: RejectedRow[]): Promise<void> {
  if (rows.length === 0) return;
  run.counts.rejected += rows.length;
  const width = run.header.length;
  await run.rejects.writeRows(rows.map((row) => [...Array.from({ length: width }, (_, i) => row.cells[i] ?? ""), String(row.rowNumber), row.reason]));
}

/** Extra cells have no column in the rejects file, so the reason carries them. */
function wrongLengthReason(cells: string[], width: number): string {
  const extra = cells.slice(width);
  const shown = extra.length > 0 ? ` (extra: ${extra.map((cell) => JSON.stringify(cell)).join(", ")})` : "";
  return `row: has ${cells.length} cells but the header has ${width}${shown}`;
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

async function readHeader(rows: AsyncIterableIterator<string[]>, file: string): Promise<string[]> {
  try {
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      if (!isBlank(next.value)) return next.value.map((cell) => cell.trim());
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw invalidField("file", `${file}: ${error.message}`);
  }
  throw invalidField("file", `${file} has no header row`);
}

function sizeOfFile(file: string): number {
  let stats: fs.Stats;
  try {
    stats = fs.statSync(file);
  } catch (error) {
    throw invalidField("file", `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (!stats.isFile()) throw invalidField("file", `${file} is not a file`);
  if (stats.size === 0) throw invalidField("file", `${file} is empty`);
  return stats.size;
}
