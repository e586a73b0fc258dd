import { invalidField } from "../errors.js";
import { CUSTOM_FIELD_NAME_MAX_LENGTH } from "../lead/lead-limits.js";
import { detectPreset, type PresetName, presetTarget } from "./column-presets.js";
import { type ColumnTarget, customNameOf, headerKey, PAYLOAD_FIELDS, parseColumnTarget } from "./column-target.js";

/** One `--map "Column Name=target"` flag, parsed. */
export type ColumnOverride = { column: string; target: ColumnTarget };

/** A file column and where its values go. */
export type MappedColumn = { header: string; target: ColumnTarget };

export type ColumnMapping = { preset: PresetName; isPresetDetected: boolean; columns: MappedColumn[] };

export type MapColumnsOptions = { preset?: PresetName | undefined; overrides: ColumnOverride[] };

/** Parses repeated `--map "Column Name=field"` flags; a malformed flag or unknown field is an error naming `--map`. */
export function parseColumnOverrides(flags: string[]): ColumnOverride[] {
  return flags.map((flag) => {
    // Split at the last "=": targets never contain one, column names might.
    const at = flag.lastIndexOf("=");
    const column = flag.slice(0, at).trim();
    if (at === -1 || column === "") throw invalidField("--map", `"${flag}" must look like "Column Name=field"`);
    const target = parseColumnTarget(flag.slice(at + 1));
    if (!target) {
      throw invalidField("--map", `"${flag}": unknown field "${flag.slice(at + 1)}"; use one of ${PAYLOAD_FIELDS.join(", ")}, custom.<name> or - to skip`);
    }
    return { column, target };
  });
}

/**
 * Decides where each column goes: a `--map` override, else a `custom.<name>` header, else the
 * preset (given or detected), else the generic names, else a custom field under the header.
 * Fails naming the header when no column can identify a lead (no email or phone column).
 */
export function mapColumns(headers: string[], options: MapColumnsOptions): ColumnMapping {
  const preset = options.preset ?? detectPreset(headers);
  const overrides = overridesByKey(headers, options.overrides);
  const customNames = new Set<string>();
  const columns = headers.map((raw, index): MappedColumn => {
    const header = raw.trim() || `column ${index + 1}`;
    const key = headerKey(header);
    const target = overrides.get(key) ?? customTargetOf(header) ?? presetTarget(preset, key) ?? { kind: "custom", name: header };
    return { header, target: target.kind === "custom" ? uniqueCustom(target.name, customNames) : target };
  });
  if (!columns.some(({ target }) => target.kind === "field" && (target.field === "email" || target.field === "phone"))) {
    throw invalidField(
      "header",
      `no column holds an email or a phone (columns: ${columns.map((c) => c.header).join(", ")}); is the first row a header? Name the column with --map "Column=email"`,
    );
  }
  return { preset, isPresetDetected: options.preset === undefined, columns };
}

function overridesByKey(headers: string[], overrides: ColumnOverride[]): Map<string, ColumnTarget> {
  const keys = new Set(headers.map(headerKey));
  const byKey = new Map<string, ColumnTarget>();
  for (const { column, target } of overrides) {
    const key = headerKey(column);
    if (!keys.has(key)) throw invalidField("--map", `no column "${column}" in the file (columns: ${headers.join(", ")})`);
    byKey.set(key, target);
  }
  return byKey;
}

function customTargetOf(header: string): ColumnTarget | undefined {
  const name = customNameOf(header);
  return name ? { kind: "custom", name } : undefined;
}

/** Two columns with one custom name would overwrite each other: the later ones get " (2)", " (3)"… */
function uniqueCustom(name: string, taken: Set<string>): ColumnTarget {
  let unique = name;
  for (let n = 2; taken.has(unique); n++) unique = `${name} (${n})`;
  if (unique.length > CUSTOM_FIELD_NAME_MAX_LENGTH) {
    throw invalidField("header", `column "${name.slice(0, 40)}…" is longer than ${CUSTOM_FIELD_NAME_MAX_LENGTH} characters; rename it with --map "…=custom.<name>" or skip it with "=-"`);
  }
  taken.add(unique);
  return { kind: "custom", name: unique };
}

/**
 * The capture payload for one row of cells (same order as the columns). Blank cells are left
 * out. When several columns feed one field (HubSpot's phone and mobile), the first non-blank
 * wins and the others are kept as custom fields under their header, so nothing is lost.
 */
export function rowToPayload(columns: MappedColumn[], cells: string[]): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  const custom: Record<string, string> = {};
  let hasCustom = false;
  for (let i = 0; i < columns.length; i++) {
    const cell = cells[i];
    if (cell === undefined || cell.trim() === "") continue;
    const { header, target } = columns[i]!;
    if (target.kind === "field" && payload[target.field] === undefined) payload[target.field] = cell;
    else if (target.kind !== "skip") {
      custom[target.kind === "custom" ? target.name : header] = cell;
      hasCustom = true;
    }
  }
  if (hasCustom) payload.custom = custom;
  return payload;
}
