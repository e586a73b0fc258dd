/**
 * Model inputs, one row per lead, holding only each row's non-zero inputs (compressed sparse
 * rows): row `i` has input `columns[k]` = `values[k]` for `k` from `rowStarts[i]` up to
 * `rowStarts[i + 1]`, in increasing column order, and 0 for every other input. One-hot levels
 * leave most inputs 0, so a pass over the rows costs their non-zeros, not rows × width.
 */
export type DesignMatrix = { rows: number; width: number; rowStarts: Int32Array; columns: Int32Array; values: Float64Array };

/** Non-zeros room per row to start with; the arrays double when a matrix needs more. */
const INITIAL_NON_ZEROS_PER_ROW = 16;

/**
 * The matrix of `rows` rows of `width` inputs, each written in full by `writeRow` into a zeroed
 * scratch row and kept as its non-zeros.
 */
export function designMatrix(rows: number, width: number, writeRow: (row: number, out: Float64Array) => void): DesignMatrix {
  const rowStarts = new Int32Array(rows + 1);
  const scratch = new Float64Array(width);
  let columns = new Int32Array(Math.max(rows * Math.min(width, INITIAL_NON_ZEROS_PER_ROW), 1));
  let values = new Float64Array(columns.length);
  let count = 0;
  for (let row = 0; row < rows; row++) {
    scratch.fill(0);
    writeRow(row, scratch);
    if (count + width > columns.length) [columns, values] = [grown(columns, count + width), grown(values, count + width)];
    for (let j = 0; j < width; j++) {
      if (scratch[j] === 0) continue;
      columns[count] = j;
      values[count++] = scratch[j]!;
    }
    rowStarts[row + 1] = count;
  }
  return { rows, width, rowStarts, columns: columns.slice(0, count), values: values.slice(0, count) };
}

/** A copy of `array` with room for at least `needed` items (twice the room, at least). */
function grown<T extends Int32Array | Float64Array>(array: T, needed: number): T {
  const copy = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2));
  copy.set(array);
  return copy;
}
