import type { Lead } from "../lead/lead.js";
import { CUSTOM_PREFIX } from "./column-target.js";

/**
 * Columns of `closeloop export` that capture cannot set: the lead's state, not its input. The
 * `closeloop` import preset skips them, so an exported file imports back as the same captures.
 */
export const EXPORT_STATE_COLUMNS = ["id", "stage", "ownerId", "isOptedOut", "createdAt", "updatedAt"] as const;

/** Capture fields, named exactly as the payload names them so import maps them without a preset. */
const EXPORT_FIELD_COLUMNS = [
  "email",
  "phone",
  "firstName",
  "lastName",
  "company",
  "title",
  "country",
  "source",
  "campaign",
  "channel",
  "utmSource",
  "utmMedium",
  "utmCampaign",
  "utmTerm",
  "utmContent",
  "message",
] as const;

/** The export header: state, capture fields, then one `custom.<name>` column per custom field name. */
export function exportHeader(customNames: string[]): string[] {
  return [...EXPORT_STATE_COLUMNS, ...EXPORT_FIELD_COLUMNS, ...customNames.map((name) => CUSTOM_PREFIX + name)];
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
    lead.email ?? "",
    lead.phone ?? "",
    lead.firstName ?? "",
    lead.lastName ?? "",
    lead.company ?? "",
    lead.title ?? "",
    lead.country ?? "",
    lead.source ?? "",
    lead.campaign ?? "",
    lead.channel ?? "",
    lead.utm.source ?? "",
    lead.utm.medium ?? "",
    lead.utm.campaign ?? "",
    lead.utm.term ?? "",
    lead.utm.content ?? "",
    lead.message ?? "",
    ...customNames.map((name) => customCell(lead.custom[name])),
  ];
}

/** Custom values from the API may be numbers or objects; a CSV cell holds text, so those become JSON. */
function customCell(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}
