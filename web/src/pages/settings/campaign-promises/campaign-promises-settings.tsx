import { useState } from "react";
import { type CampaignPromise, listCampaignPromises, removeCampaignPromise } from "../../../api/campaign-promises.js";
import { FormAlert } from "../../../components/form-alert.js";
import { formProblemOf } from "../../../components/form-problem.js";
import { formatAmount } from "../../../format/format-money.js";
import { formatDays } from "../../../format/format-time.js";
import { useResource } from "../../../hooks/use-resource.js";
import { CampaignPromiseForm } from "./campaign-promise-form.js";

type Editing = CampaignPromise | "new" | null;

function promiseSummary(promise: CampaignPromise): string {
  const parts = [
    promise.priceAnchor === null ? "No price named" : `Price anchor ${formatAmount(promise.priceAnchor)}`,
    promise.timelineDays === null ? null : `timeline ${formatDays(promise.timelineDays)}`,
  ];
  return parts.filter(Boolean).join(" · ");
}

/** What each campaign promised buyers (price anchor, timeline), so a proposal far from it is flagged as an expectation mismatch. */
export function CampaignPromisesSettings() {
  const promises = useResource("campaign-promises", listCampaignPromises);
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<string | null>(null);

  function handleSaved() {
    setEditing(null);
    promises.reload();
  }

  async function handleRemove(promise: CampaignPromise) {
    try {
      await removeCampaignPromise(promise.campaign);
      setError(null);
      promises.update((current) => current.filter((other) => other.campaign !== promise.campaign));
    } catch (failure) {
      setError(formProblemOf(failure, []).message);
    }
  }

  return (
    <div>
      <p className="muted">Matched to the lead's campaign exactly. A proposal further from the price anchor than the pipeline's expectation tolerance is flagged on the lead.</p>
      <FormAlert message={promises.error ?? error} />
      {promises.data?.length === 0 && <p className="empty">No campaign promises yet.</p>}
      <ul className="card-list" aria-label="Campaign promises">
        {promises.data?.map((promise) => (
          <li key={promise.campaign} className="rule-card">
            <div className="rule-head">
              <h3>{promise.campaign}</h3>
              <div className="rule-actions">
                <button type="button" className="button-quiet" aria-label={`Edit ${promise.campaign}`} onClick={() => setEditing(promise)}>
                  Edit
                </button>
                <button type="button" className="button-quiet" aria-label={`Remove ${promise.campaign}`} onClick={() => void handleRemove(promise)}>
                  Remove
                </button>
              </div>
            </div>
            <p className="small">{promiseSummary(promise)}</p>
            {promise.notes && <p className="small muted">{promise.notes}</p>}
          </li>
        ))}
      </ul>
      {editing === null ? (
        <button type="button" onClick={() => setEditing("new")}>
          New campaign promise
        </button>
      ) : (
        <CampaignPromiseForm key={editing === "new" ? "new" : editing.campaign} promise={editing === "new" ? null : editing} onSaved={handleSaved} onCancel={() => setEditing(null)} />
      )}
    </div>
  );
}
