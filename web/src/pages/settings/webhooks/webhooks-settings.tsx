import { useState } from "react";
import { changeWebhook, type CreatedWebhook, deleteWebhook, listWebhooks, type Webhook } from "../../../api/webhooks.js";
import { FormAlert } from "../../../components/form-alert.js";
import { problemMessageOf } from "../../../components/form-problem.js";
import { useResource } from "../../../hooks/use-resource.js";
import { DeliveryLog } from "./delivery-log.js";
import { NewWebhook } from "./new-webhook.js";

/** Signed outbound webhooks: subscriptions, the secret shown once, and each one's delivery log. */
export function WebhooksSettings() {
  const webhooks = useResource("webhooks", listWebhooks);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [openLogId, setOpenLogId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>) {
    setActionError(null);
    try {
      await action();
    } catch (error) {
      setActionError(problemMessageOf(error));
    }
    webhooks.reload();
  }

  function handleDelete(webhook: Webhook) {
    if (window.confirm(`Delete the webhook to ${webhook.url}? Its queued messages and delivery log go with it.`)) void run(() => deleteWebhook(webhook.id));
  }

  function handleCreated(webhook: CreatedWebhook) {
    setCreated(webhook);
    webhooks.reload();
  }

  return (
    <div>
      <p className="muted">
        Each POST is signed per Standard Webhooks (<code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>, HMAC-SHA256) and retried with backoff.
      </p>
      {created && <SecretOnce webhook={created} onDismiss={() => setCreated(null)} />}
      <FormAlert message={webhooks.error ?? actionError} />
      <ul className="card-list">
        {webhooks.data?.map((webhook) => (
          <li key={webhook.id} className="rule-card">
            <div className="rule-head">
              <h3 className="webhook-url">{webhook.url}</h3>
              {!webhook.isActive && <span className="badge badge-lost">Paused</span>}
              <div className="rule-actions">
                <button type="button" className="button-quiet" aria-expanded={openLogId === webhook.id} onClick={() => setOpenLogId(openLogId === webhook.id ? null : webhook.id)}>
                  Delivery log
                </button>
                <button type="button" className="button-quiet" onClick={() => run(() => changeWebhook(webhook.id, { isActive: !webhook.isActive }))}>
                  {webhook.isActive ? "Pause" : "Resume"}
                </button>
                <button type="button" className="button-quiet" onClick={() => handleDelete(webhook)} aria-label={`Delete webhook to ${webhook.url}`}>
                  Delete
                </button>
              </div>
            </div>
            <p className="small muted">{webhook.eventTypes.join(", ")}</p>
            {openLogId === webhook.id && <DeliveryLog webhookId={webhook.id} />}
          </li>
        ))}
      </ul>
      {webhooks.data?.length === 0 && <p className="empty">No webhooks yet.</p>}
      <NewWebhook onCreated={handleCreated} />
    </div>
  );
}

function SecretOnce({ webhook, onDismiss }: { webhook: CreatedWebhook; onDismiss: () => void }) {
  return (
    <div className="panel secret-once" role="status">
      <h2>Signing secret for {webhook.url}</h2>
      <p>Copy it now: it is shown this once. Verify each request's <code>webhook-signature</code> with it.</p>
      <pre>{webhook.secret}</pre>
      <button type="button" className="button-quiet" onClick={onDismiss}>
        I have stored it
      </button>
    </div>
  );
}
