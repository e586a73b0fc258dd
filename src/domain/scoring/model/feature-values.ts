/** One cell of a record the model learns from: a CSV cell, a lead field or a derived number. */
export type FeatureValue = string | number | boolean | null | undefined;

/** One closed lead (or CSV row) as named values. */
export type FeatureRecord = Record<string, FeatureValue>;

/**
 * The record's own value in a column, or undefined when it has none. A column may be named
 * like an `Object.prototype` member (`constructor`, `__proto__`, `toString`): a plain-object
 * record without that key must read as missing, not as the inherited function or prototype.
 */
export function columnValue(record: FeatureRecord, column: string): FeatureValue {
  return Object.hasOwn(record, column) ? record[column] : undefined;
}

/** Spreadsheet and database spellings of "no value" besides a blank cell. */
const MISSING_TEXT = new Set(["", "n/a", "null"]);

const YES_TEXT = new Set(["yes", "y", "true", "1", "won", "win"]);
const NO_TEXT = new Set(["no", "n", "false", "0", "lost", "lose"]);

/** Plain decimal or scientific notation; no thousands separators or units (those stay text). */
const NUMBER_PATTERN = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** True for null, undefined, NaN, a blank cell, "n/a" and "null". */
export function isMissing(value: FeatureValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "number") return Number.isNaN(value);
  if (typeof value === "boolean") return false;
  const text = value.trim();
  // Lower-casing only the short cells saves an allocation per cell on a 100,000-row file.
  return text.length <= 4 && MISSING_TEXT.has(text.toLowerCase());
}

/** The value as a finite number, or null when it is missing or not a number. */
export function numberOf(value: FeatureValue): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = value.trim();
  return NUMBER_PATTERN.test(text) ? Number(text) : null;
}

/** true for yes/y/true/1/won/win, false for no/n/false/0/lost/lose (any case), null otherwise. */
export function yesNoOf(value: FeatureValue): boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : null;
  if (typeof value !== "string") return null;
  const text = value.trim().toLowerCase();
  return YES_TEXT.has(text) ? true : NO_TEXT.has(text) ? false : null;
}

/** The value as a category label: trimmed text, or the number or boolean written out. */
export function textOf(value: FeatureValue): string {
  return typeof value === "string" ? value.trim() : String(value);
}
