import { useState } from "react";
import { listObjections, type Objection } from "../../../api/objections.js";
import { getPipeline } from "../../../api/pipeline.js";
import { listProofAssets, type ProofAsset } from "../../../api/proof-assets.js";
import { useSessionUser } from "../../../app/session-context.js";
import { FormAlert } from "../../../components/form-alert.js";
import { useResource } from "../../../hooks/use-resource.js";
import { ObjectionCard } from "./objection-card.js";
import { ObjectionForm } from "./objection-form.js";
import { ProofAssetForm } from "./proof-asset-form.js";
import { ProofAssetsList } from "./proof-assets-list.js";

/** The objection catalog (objections and their versioned responses) and the proof assets reps are offered on the lead page. */
export function ObjectionsSettings() {
  const user = useSessionUser();
  const objections = useResource("objections", listObjections);
  const assets = useResource("proof-assets", listProofAssets);
  const pipeline = useResource("pipeline", getPipeline);
  const [editingObjection, setEditingObjection] = useState<Objection | "new" | null>(null);
  const [editingAsset, setEditingAsset] = useState<ProofAsset | "new" | null>(null);

  function handleObjectionSaved() {
    setEditingObjection(null);
    objections.reload();
  }

  function handleAssetSaved() {
    setEditingAsset(null);
    assets.reload();
  }

  return (
    <div>
      <p className="muted">
        Objections are predictable: keep the answers that work. Rewording a response makes a new version, so each wording keeps its own win rate on the lead page.
      </p>
      <FormAlert message={objections.error ?? assets.error} />
      <h2>Objections</h2>
      <ul className="card-list" aria-label="Objections">
        {objections.data?.map((objection) => (
          <ObjectionCard key={objection.id} objection={objection} timeZone={user.timezone} onEdit={() => setEditingObjection(objection)} onChanged={objections.reload} />
        ))}
      </ul>
      {editingObjection === null ? (
        <button type="button" onClick={() => setEditingObjection("new")}>
          New objection
        </button>
      ) : (
        <ObjectionForm
          key={editingObjection === "new" ? "new" : editingObjection.id}
          objection={editingObjection === "new" ? null : editingObjection}
          onSaved={handleObjectionSaved}
          onCancel={() => setEditingObjection(null)}
        />
      )}
      <h2>Proof assets</h2>
      <ProofAssetsList assets={assets.data ?? []} objections={objections.data ?? []} pipeline={pipeline.data} onEdit={setEditingAsset} />
      {editingAsset === null ? (
        <button type="button" onClick={() => setEditingAsset("new")}>
          New proof asset
        </button>
      ) : (
        <ProofAssetForm
          key={editingAsset === "new" ? "new" : editingAsset.id}
          asset={editingAsset === "new" ? null : editingAsset}
          objections={objections.data ?? []}
          stages={pipeline.data?.stages ?? []}
          onSaved={handleAssetSaved}
          onCancel={() => setEditingAsset(null)}
        />
      )}
    </div>
  );
}
