import type { DriftAlert } from "../../api/scoring.js";
import { formatMonth } from "../../format/format-score.js";
import { formatDate } from "../../format/format-time.js";

/** Alerts raised when a bucket's close rate left its band or a criterion stopped separating wins from losses, newest first. */
export function DriftAlerts({ alerts, timeZone }: { alerts: DriftAlert[]; timeZone: string }) {
  const newestFirst = [...alerts].sort((a, b) => b.detectedAt.localeCompare(a.detectedAt));
  return (
    <section className="panel" aria-labelledby="drift-title">
      <h2 id="drift-title">Drift alerts</h2>
      {newestFirst.length === 0 ? (
        <p className="muted">No drift detected: every bucket closes within its usual band and every criterion still separates wins from losses.</p>
      ) : (
        <ul className="drift-list">
          {newestFirst.map((alert) => (
            <li key={alert.key}>
              <strong>{alert.message}</strong>
              <div className="muted small">
                {alert.kind === "bucket_close_rate" ? "Bucket close rate" : "Criterion"} · {formatMonth(alert.month)} · detected {formatDate(alert.detectedAt, timeZone)}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
