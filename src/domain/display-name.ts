import { invalidField } from "./errors.js";

/** Longest name of a configured thing (a routing rule, an SLA policy): it has to fit a list row. */
export const DISPLAY_NAME_MAX_LENGTH = 200;

/** A name people read in lists and timeline reasons: trimmed, inner runs of spaces collapsed, not empty. */
export function normalizeDisplayName(raw: string, field = "name"): string {
  const name = raw.trim().replace(/\s+/g, " ");
  if (name.length === 0) throw invalidField(field, "must not be empty");
  if (name.length > DISPLAY_NAME_MAX_LENGTH) throw invalidField(field, `must be at most ${DISPLAY_NAME_MAX_LENGTH} characters`);
  return name;
}
