import { type FeatureRecord, type FeatureValue, columnValue, isMissing, numberOf, textOf, yesNoOf } from "./feature-values.js";

/** Level name for a value seen too rarely to get its own input. */
export const OTHER_LEVEL = "(other)";
/** Level name for a blank cell in a category column. */
export const MISSING_LEVEL = "(missing)";

/**
 * How one source column becomes model inputs (JSON-serialisable, stored with the model):
 * - `numeric`: standardised, `(value − mean) / sd`; a blank counts as the mean, and a
 *   `<column> missing` 0/1 input is added when `hasMissing`;
 * - `flag`: yes/no-like as 1/0; a blank counts as `yesRate` plus the missing input;
 * - `categorical`: one 0/1 input per level in `levels` (the most common value, `reference`,
 *   is the baseline and has none), then `(other)` and `(missing)` when seen.
 */
export type FeatureColumn =
  | { kind: "numeric"; column: string; mean: number; sd: number; hasMissing: boolean }
  | { kind: "flag"; column: string; yesRate: number; hasMissing: boolean }
  | { kind: "categorical"; column: string; reference: string; levels: string[]; hasOther: boolean; hasMissing: boolean };

/** A column left out of the model and why, in words. */
export type SkippedColumn = { column: string; reason: string };

/** The columns the model uses and those it skipped. */
export type FeatureSpec = { columns: FeatureColumn[]; skipped: SkippedColumn[] };

/**
 * A level needs this many rows (and 1% of them) to get its own input; fewer cannot estimate a
 * weight worth showing, so they join `(other)`. At most MAX_LEVELS levels keep the inputs few.
 */
const MIN_LEVEL_COUNT = 5;
const MIN_LEVEL_SHARE = 0.01;
const MAX_LEVELS = 20;
/** A text column with more distinct values than this share of its rows names things (a company, a note). */
const MAX_DISTINCT_SHARE = 0.9;

/** Column-name words that mark an identifier or contact detail anywhere in the name. */
const IDENTIFIER_WORDS = new Set(["uuid", "guid", "email", "phone", "mobile", "telephone"]);
/** Words that mark an identifier as the last word of the name (`Lead ID`, `Company name`). */
const IDENTIFIER_LAST_WORDS = new Set(["id", "name", "firstname", "lastname", "fullname"]);

/**
 * Decides how each column of the records becomes model inputs: yes/no-like columns are flags,
 * numeric columns are standardised, other text is one-hot by level. Identifier-like columns
 * (by name, or text with a distinct value in almost every row), constant and empty columns
 * are skipped with a reason. `exclude` names columns to leave out silently (the outcome).
 */
export function detectFeatureSpec(records: readonly FeatureRecord[], options: { exclude?: readonly string[] } = {}): FeatureSpec {
  const excluded = new Set(options.exclude ?? []);
  const spec: FeatureSpec = { columns: [], skipped: [] };
  for (const column of columnsOf(records)) {
    if (excluded.has(column)) continue;
    const detected = detectColumn(column, records.map((record) => columnValue(record, column)));
    if ("reason" in detected) spec.skipped.push(detected);
    else spec.columns.push(detected);
  }
  return spec;
}

/** Every own key of every record, in first-seen order (records may have a null prototype). */
function columnsOf(records: readonly FeatureRecord[]): string[] {
  const columns = new Set<string>();
  for (const record of records) for (const column of Object.keys(record)) columns.add(column);
  return [...columns];
}

function detectColumn(column: string, values: FeatureValue[]): FeatureColumn | SkippedColumn {
  if (isIdentifierName(column)) return { column, reason: "looks like an identifier or contact detail" };
  const present = values.filter((value) => !isMissing(value));
  const hasMissing = present.length < values.length;
  if (present.length === 0) return { column, reason: "has no values" };
  if (present.every((value) => yesNoOf(value) !== null)) {
    const yesRate = present.filter((value) => yesNoOf(value)).length / present.length;
    if (yesRate > 0 && yesRate < 1) return { kind: "flag", column, yesRate, hasMissing };
  }
  const numbers = numbersOf(present);
  if (numbers && numbers.some((number) => number !== numbers[0])) return { kind: "numeric", column, ...meanAndSd(numbers), hasMissing };
  return categoricalColumn(column, present.map(textOf), values.length, hasMissing);
}

/** `leadId`, `Lead ID`, `contact_email`, `E-mail`: judged by the lower-case words of the name. */
function isIdentifierName(column: string): boolean {
  const words = column
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
  const joined = words.join("");
  return words.some((word) => IDENTIFIER_WORDS.has(word)) || IDENTIFIER_WORDS.has(joined) || IDENTIFIER_LAST_WORDS.has(words.at(-1) ?? "") || IDENTIFIER_LAST_WORDS.has(joined);
}

/** Every value as a number, or null as soon as one is not. */
function numbersOf(values: FeatureValue[]): number[] | null {
  const numbers: number[] = [];
  for (const value of values) {
    const number = numberOf(value);
    if (number === null) return null;
    numbers.push(number);
  }
  return numbers;
}

function meanAndSd(numbers: number[]): { mean: number; sd: number } {
  const mean = numbers.reduce((sum, value) => sum + value, 0) / numbers.length;
  const variance = numbers.reduce((sum, value) => sum + (value - mean) ** 2, 0) / numbers.length;
  return { mean, sd: Math.sqrt(variance) };
}

/**
 * Text, or a single value besides blanks (then only "filled in or not" can matter: the value is
 * the baseline and `(missing)` the one input).
 */
function categoricalColumn(column: string, texts: string[], rows: number, hasMissing: boolean): FeatureColumn | SkippedColumn {
  const counts = new Map<string, number>();
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
  if (counts.size === 1 && !hasMissing) return { column, reason: "has the same value in every row" };
  if (counts.size > 1 && counts.size > MAX_DISTINCT_SHARE * texts.length) {
    return { column, reason: `has a different value in almost every row (${counts.size} distinct in ${texts.length})` };
  }
  const minCount = Math.max(MIN_LEVEL_COUNT, Math.ceil(MIN_LEVEL_SHARE * rows));
  const kept = [...counts]
    .filter(([, count]) => count >= minCount)
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_LEVELS)
    .map(([level]) => level);
  if (kept.length === 0) return { column, reason: `has no value seen in at least ${minCount} rows` };
  const hasOther = kept.length < counts.size;
  return { kind: "categorical", column, reference: kept[0]!, levels: kept.slice(1), hasOther, hasMissing };
}
