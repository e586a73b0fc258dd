import type { ProofAsset } from "../../api/proof-assets.js";
import { FieldError } from "../../components/field-error.js";

type ProofAssetPicksProps = { assets: ProofAsset[]; chosenIds: string[]; error: string | undefined; onChange: (ids: string[]) => void };

/** The proof assets linked under an email's body (title and link), ticked from the catalog. */
export function ProofAssetPicks({ assets, chosenIds, error, onChange }: ProofAssetPicksProps) {
  function toggle(id: string, isOn: boolean) {
    onChange(isOn ? [...chosenIds, id] : chosenIds.filter((one) => one !== id));
  }
  return (
    <fieldset>
      <legend>Linked proof</legend>
      {assets.length === 0 && <p className="muted small">No proof assets yet: add case studies under Settings › Objections &amp; proof.</p>}
      <div className="checkbox-grid">
        {assets.map((asset) => (
          <label key={asset.id} className="checkbox">
            <input type="checkbox" checked={chosenIds.includes(asset.id)} onChange={(event) => toggle(asset.id, event.target.checked)} /> {asset.title}
          </label>
        ))}
      </div>
      <FieldError message={error} />
    </fieldset>
  );
}
