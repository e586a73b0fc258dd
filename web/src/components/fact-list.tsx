import type { ReactNode } from "react";

/** A label and its value; null or empty values show as a dash so every lead reads the same. */
export type Fact = { label: string; value: ReactNode };

/** Label/value pairs as a description list. */
export function FactList({ facts }: { facts: Fact[] }) {
  return (
    <dl className="facts">
      {facts.map(({ label, value }) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value === null || value === undefined || value === "" ? <span className="muted">—</span> : value}</dd>
        </div>
      ))}
    </dl>
  );
}
