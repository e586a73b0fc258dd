import fs from "node:fs";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { stringify } from "csv-stringify/sync";
import { DomainError } from "../domain/errors.js";

/** A CSV file written a batch of rows at a time, waiting for the disk when its buffer is full. */
export type CsvOutput = { writeRows(rows: string[][]): Promise<void>; close(): Promise<void> };

/**
 * Creates (or truncates) a CSV file and writes its header. The file starts with a UTF-8 BOM
 * because Excel, where these files are usually opened, otherwise misreads accented names.
 * Fails with `invalid` naming `field` when the file cannot be created.
 */
export function createCsvOutput(file: string, header: string[], field: string): CsvOutput {
  let fd: number;
  try {
    // Opened synchronously so a bad path fails here, clearly, not later as a stream error.
    fd = fs.openSync(file, "w");
  } catch (error) {
    throw new DomainError("invalid", { field, message: `${field}: cannot write ${file} (${(error as Error).message})` });
  }
  const stream = fs.createWriteStream(file, { fd });
  let failure: Error | undefined;
  stream.on("error", (error) => (failure = error));
  stream.write(stringify([header], { bom: true }));
  return {
    writeRows: async (rows) => {
      if (failure) throw failure;
      if (!stream.write(stringify(rows))) await once(stream, "drain");
    },
    close: async () => {
      stream.end();
      await finished(stream);
    },
  };
}
