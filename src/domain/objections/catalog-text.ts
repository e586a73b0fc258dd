import { invalidField } from "../errors.js";

/** Longest objection name or proof title: it has to fit a suggestion card. */
export const CATALOG_NAME_MAX_LENGTH = 200;

/** Longest response wording: a few paragraphs a rep can say or paste. */
export const RESPONSE_TEXT_MAX_LENGTH = 5000;

/** Catalog text as people read it: trimmed, not empty, within `maxLength`; errors name `field`. */
export function normalizeCatalogText(raw: string, field: string, maxLength: number): string {
  const text = raw.trim();
  if (text.length === 0) throw invalidField(field, "must not be empty");
  if (text.length > maxLength) throw invalidField(field, `must be at most ${maxLength} characters`);
  return text;
}

/** Tags without blanks or repeats, in the order given. */
export function normalizeTags(raw: readonly string[]): string[] {
  return [...new Set(raw.map((tag) => tag.trim()).filter((tag) => tag.length > 0))];
}
