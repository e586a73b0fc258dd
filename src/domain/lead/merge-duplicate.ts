import { LEAD_TEXT_FIELDS, type Lead, type LeadFields, type LeadTextField, type UtmTags } from "./lead.js";

/** What merging a duplicate capture into an existing lead changes. */
export type DuplicateMerge = {
  /** Fields that were empty on the lead and are filled from the new capture. */
  filled: Partial<Record<LeadTextField, string>>;
  utm: UtmTags;
  custom: Record<string, unknown>;
  changedFields: string[];
};

/**
 * Merges a new capture into the lead it duplicates. Existing values win: a second form fill
 * must not overwrite what a rep has already corrected; it only fills gaps and adds new custom fields.
 */
export function mergeDuplicate(lead: Pick<Lead, LeadTextField | "utm" | "custom">, incoming: LeadFields, incomingCustom: Record<string, unknown>): DuplicateMerge {
  const filled: Partial<Record<LeadTextField, string>> = {};
  const changedFields: string[] = [];
  for (const field of LEAD_TEXT_FIELDS) {
    const value = incoming[field];
    if (lead[field] === null && value !== null) {
      filled[field] = value;
      changedFields.push(field);
    }
  }
  const utm = { ...lead.utm };
  for (const key of Object.keys(utm) as (keyof UtmTags)[]) {
    if (utm[key] === null && incoming.utm[key] !== null) {
      utm[key] = incoming.utm[key];
      changedFields.push(`utm.${key}`);
    }
  }
  const custom = { ...lead.custom };
  for (const [key, value] of Object.entries(incomingCustom)) {
    if (!(key in custom)) {
      custom[key] = value;
      changedFields.push(`custom.${key}`);
    }
  }
  return { filled, utm, custom, changedFields };
}
