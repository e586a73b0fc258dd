import { randomBytes } from "node:crypto";

/** Makes ids for new rows: `prefix_` + 12 hex chars of time + 16 hex chars of randomness. */
export type IdGenerator = (prefix: string) => string;

/**
 * Time-ordered ids: the leading millisecond timestamp makes them sort by creation time, which
 * cursor pagination relies on; 64 random bits make collisions negligible.
 */
export const timeOrderedIds: IdGenerator = (prefix) => {
  const time = Date.now().toString(16).padStart(12, "0");
  return `${prefix}_${time}${randomBytes(8).toString("hex")}`;
};

/** Deterministic ids for tests and seeded demo data. */
export function sequentialIds(): IdGenerator {
  let next = 0;
  return (prefix) => `${prefix}_${(next++).toString(16).padStart(28, "0")}`;
}
