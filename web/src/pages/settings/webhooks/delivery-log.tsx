import { listDeliveries } from "../../../api/webhooks.js";
import { useSessionUser } from "../../../app/session-context.js";
import { FormAlert } from "../../../components/form-alert.js";
import { formatDateTime } from "../../../format/format-time.js";
import { useResource } from "../../../hooks/use-resource.js";

/** Every delivery attempt of one subscription, newest first: what was sent, what the receiver answered, how long it took. */
export function DeliveryLog({ webhookId }: { webhookId: string }) {
  const user = useSessionUser();
  const deliveries = useResource(`deliveries:${webhookId}`, (signal) => listDeliveries(webhookId, signal));
  if (deliveries.error) return <FormAlert message={deliveries.error} />;
  if (deliveries.data === null) return <p className="muted small">Loading…</p>;
  return (
    <div className="delivery-log">
      <div className="form-actions">
        <span className="muted small">{deliveries.data.length} attempts</span>
        <button type="button" className="button-link" onClick={deliveries.reload}>
          Refresh
        </button>
      </div>
      {deliveries.data.length > 0 && (
        <table className="lead-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Event</th>
              <th scope="col">Message</th>
              <th scope="col">Attempt</th>
              <th scope="col">Result</th>
              <th scope="col">Time</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.data.map((attempt) => (
              <tr key={`${attempt.messageId}:${attempt.attempt}`}>
                <td>{formatDateTime(attempt.at, user.timezone)}</td>
                <td>
                  <code>{attempt.eventType ?? "—"}</code>
                </td>
                <td>
                  <code className="small">{attempt.messageId}</code>
                </td>
                <td>{attempt.attempt}</td>
                <td>
                  <span className={attempt.outcome === "delivered" ? "sla sla-met" : "sla sla-overdue"}>
                    {attempt.outcome === "delivered" ? "✓ Delivered" : "✗ Failed"}
                    {attempt.statusCode !== null ? ` (HTTP ${attempt.statusCode})` : ""}
                  </span>
                  {attempt.error && <div className="muted small">{attempt.error}</div>}
                </td>
                <td>{attempt.durationMs} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
