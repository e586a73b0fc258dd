/** One field's change as the event log records it. */
export type FieldChange = { from: unknown; to: unknown };

/**
 * The fields that differ between two versions of a configured thing, as `{field: {from, to}}`
 * (`from` null for a new one). Values compare as JSON: calendars, pools and chains are objects.
 */
export function changesBetween<T extends object>(before: T | null, after: T, fields: readonly (keyof T & string)[]): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const field of fields) {
    const from = before === null ? null : before[field];
    if (before === null || JSON.stringify(from) !== JSON.stringify(after[field])) changes[field] = { from, to: after[field] };
  }
  return changes;
}
