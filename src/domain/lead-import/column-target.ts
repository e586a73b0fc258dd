import { LEAD_TEXT_FIELDS, UTM_FIELDS } from "../lead/lead.js";

/** Capture payload fields a CSV column can feed (`name` is split into first and last by capture). */
export const PAYLOAD_FIELDS = ["name", ...LEAD_TEXT_FIELDS, ...UTM_FIELDS] as const;

export type PayloadField = (typeof PAYLOAD_FIELDS)[number];

/** Where a column's values go: a payload field, a named custom field, or nowhere. */
export type ColumnTarget = { kind: "field"; field: PayloadField } | { kind: "custom"; name: string } | { kind: "skip" };

/** Prefix that names a custom field, in `--map` targets and in exported headers (`custom.plan`). */
export const CUSTOM_PREFIX = "custom.";

/** Written as a `--map` target to drop a column. */
export const SKIP_TARGET = "-";

/**
 * The form headers are compared in: lower case, letters and digits only, so "First Name",
 * "first_name", "firstName" and "FIRST-NAME" are one header.
 */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

const FIELDS_BY_KEY = new Map<string, PayloadField>(PAYLOAD_FIELDS.map((field) => [headerKey(field), field]));

/**
 * Reads a target as written in `--map` and in the presets: a payload field in any case or
 * punctuation (`firstName`, `first_name`), `custom.<name>`, or `-`. Undefined when it is none.
 */
export function parseColumnTarget(text: string): ColumnTarget | undefined {
  const trimmed = text.trim();
  if (trimmed === SKIP_TARGET) return { kind: "skip" };
  const custom = customNameOf(trimmed);
  if (custom !== undefined) return custom === "" ? undefined : { kind: "custom", name: custom };
  const field = FIELDS_BY_KEY.get(headerKey(trimmed));
  return field && { kind: "field", field };
}

/** The custom field name in a `custom.<name>` header or target (case-insensitive prefix). */
export function customNameOf(text: string): string | undefined {
  return text.toLowerCase().startsWith(CUSTOM_PREFIX) ? text.slice(CUSTOM_PREFIX.length).trim() : undefined;
}
