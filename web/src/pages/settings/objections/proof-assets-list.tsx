import type { Objection } from "../../../api/objections.js";
import type { PipelineConfig } from "../../../api/pipeline.js";
import type { ProofAsset, ProofAssetKind } from "../../../api/proof-assets.js";
import { PROOF_KIND_LABELS } from "../../lead-detail/objection-words.js";
import { stageName } from "../../lead-detail/stage-words.js";

type ProofAssetsListProps = { assets: ProofAsset[]; objections: Objection[]; pipeline: PipelineConfig | null; onEdit: (asset: ProofAsset) => void };

/** Proof assets by title, each with what it is tagged for. */
export function ProofAssetsList({ assets, objections, pipeline, onEdit }: ProofAssetsListProps) {
  const objectionName = (id: string) => objections.find((objection) => objection.id === id)?.name ?? id;
  if (assets.length === 0) return <p className="muted">No proof assets yet.</p>;
  return (
    <ul className="card-list" aria-label="Proof assets">
      {assets.map((asset) => {
        const tags = [
          asset.tags.objectionIds.length > 0 && `Answers ${asset.tags.objectionIds.map(objectionName).join(", ")}`,
          asset.tags.industries.length > 0 && `for ${asset.tags.industries.join(", ")}`,
          asset.tags.stages.length > 0 && `in ${asset.tags.stages.map((stage) => stageName(pipeline, stage)).join(", ")}`,
        ].filter(Boolean);
        return (
          <li key={asset.id} className="rule-card">
            <div className="rule-head">
              <h3>
                <a href={asset.url} target="_blank" rel="noopener noreferrer">
                  {asset.title}
                </a>
              </h3>
              <span className="badge">{PROOF_KIND_LABELS[asset.kind as ProofAssetKind] ?? asset.kind}</span>
              <div className="rule-actions">
                <button type="button" className="button-quiet" onClick={() => onEdit(asset)} aria-label={`Edit ${asset.title}`}>
                  Edit
                </button>
              </div>
            </div>
            <p className="small">{tags.length > 0 ? `${tags.join(" ")}.` : "Not tagged: it is never suggested."}</p>
          </li>
        );
      })}
    </ul>
  );
}
