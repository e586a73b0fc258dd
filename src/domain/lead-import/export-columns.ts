import { CAPTURE_FIELDS, captureFieldValues } from "../lead/capture-fields.js";
import type { Lead } from "../lead/lead.js";
import { CUSTOM_PREFIX } from "./column-target.js";

/**
 * Columns of `closeloop export` that capture cannot set: the lead's state, not its input. The
 * `closeloop` import preset skips them, so an exported file imports back as the same captures.
 */
export const EXPORT_STATE_COLUMNS = ["id", "stage", "ownerId", "isOptedOut", "createdAt", "updatedAt"] as const;


/** The export header: state, capture fields, then one `custom.<name>` column per custom field name. */
export function exportHeader(customNames: string[]): string[] {
  return [...EXPORT_STATE_COLUMNS, ...CAPTURE_FIELDS, ...customNames.map((name) => CUSTOM_PREFIX + name)];
}

/** One lead as export cells, in `exportHeader` order. Instants are ISO 8601 UTC; absent values are empty. */
export function leadToExportRow(lead: Lead, customNames: string[]): string[] {
  return [
    lead.id,
    lead.stage,
    lead.ownerId ?? "",
    String(lead.isOptedOut),
    new Date(lead.createdAt).toISOString(),
    new Date(lead.updatedAt).toISOString(),
    ...Object.values(captureFieldValues(lead)).map((value) => value ?? ""),
    ...customNames.map((name) => customCell(lead.custom[name])),
  ];
}

/** Custom values from the API may be numbers or objects; a CSV cell holds text, so those become JSON. */
function customCell(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}
