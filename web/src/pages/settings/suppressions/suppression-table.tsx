import type { Suppression } from "../../../api/suppressions.js";
import { AppLink } from "../../../components/app-link.js";
import { formatDateTime } from "../../../format/format-time.js";

const REASON_LABELS: Record<Suppression["reason"], string> = { opted_out: "Opted out", bounced: "Bounced", manual: "Added by hand" };

type SuppressionTableProps = { entries: Suppression[]; timeZone: string; onRemove: (entry: Suppression) => void };

/** Suppressed addresses and domains, newest first; opt-outs have no Remove button because they are permanent. */
export function SuppressionTable({ entries, timeZone, onRemove }: SuppressionTableProps) {
  return (
    <table className="lead-table" aria-label="Suppression list, newest first">
      <thead>
        <tr>
          <th scope="col">Address or domain</th>
          <th scope="col">Why</th>
          <th scope="col">Note</th>
          <th scope="col">Since</th>
          <th scope="col">
            <span className="visually-hidden">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.value}>
            <td>
              <code>{entry.value}</code> {entry.kind === "domain" && <span className="badge">Whole domain</span>}
            </td>
            <td>
              {REASON_LABELS[entry.reason]}
              {entry.leadId && (
                <>
                  {" · "}
                  <AppLink href={`/leads/${encodeURIComponent(entry.leadId)}`}>lead</AppLink>
                </>
              )}
            </td>
            <td>{entry.note}</td>
            <td>{formatDateTime(entry.createdAt, timeZone)}</td>
            <td>
              {entry.reason !== "opted_out" && (
                <button type="button" className="button-quiet small-button" onClick={() => onRemove(entry)} aria-label={`Remove ${entry.value}`}>
                  Remove
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
