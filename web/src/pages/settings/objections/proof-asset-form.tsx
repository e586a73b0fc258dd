import { type FormEvent, useId } from "react";
import type { Objection } from "../../../api/objections.js";
import { changeProofAsset, createProofAsset, type NewProofAsset, type ProofAsset, type ProofAssetKind } from "../../../api/proof-assets.js";
import type { StageDefinition } from "../../../api/pipeline.js";
import { FieldError } from "../../../components/field-error.js";
import { FormActions } from "../../../components/form-actions.js";
import { FormAlert } from "../../../components/form-alert.js";
import { TextField } from "../../../components/text-field.js";
import { useFormSave } from "../../../hooks/use-form-save.js";
import { PROOF_ASSET_KINDS } from "../../../../../src/domain/objections/proof-asset.js";
import { PROOF_KIND_LABELS } from "../../lead-detail/objection-words.js";
import { tagsOf } from "./catalog-text.js";

const FIELDS = ["kind", "title", "url", "objectionIds", "industries", "stages"] as const;

type ProofAssetFormProps = { asset: ProofAsset | null; objections: Objection[]; stages: StageDefinition[]; onSaved: () => void; onCancel: () => void };

/** The request a proof asset form makes: tags are the ticked objections and stages and the typed industries. */
export function proofAssetOf(form: FormData): NewProofAsset {
  return {
    kind: String(form.get("kind")) as ProofAssetKind,
    title: String(form.get("title") ?? "").trim(),
    url: String(form.get("url") ?? "").trim(),
    tags: { objectionIds: form.getAll("objectionIds").map(String), industries: tagsOf(String(form.get("industries") ?? "")), stages: form.getAll("stages").map(String) },
  };
}

/** Adds or changes a case study, testimonial or ROI example, with the objections, industries and stages it fits. */
export function ProofAssetForm({ asset, objections, stages, onSaved, onCancel }: ProofAssetFormProps) {
  const id = useId();
  const { problem, isSaving, submit } = useFormSave(FIELDS);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = proofAssetOf(new FormData(event.currentTarget));
    await submit(() => (asset ? changeProofAsset(asset.id, body) : createProofAsset(body)), onSaved);
  }

  // Retired objections stay ticked on assets that have them, but are not offered to new ones.
  const offered = objections.filter((objection) => objection.isActive || asset?.tags.objectionIds.includes(objection.id));
  return (
    <form className="panel" onSubmit={handleSubmit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{asset ? `Edit “${asset.title}”` : "New proof asset"}</h2>
      <FormAlert message={problem.message} />
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} name="kind" defaultValue={asset?.kind ?? "case_study"}>
            {PROOF_ASSET_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {PROOF_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </div>
        <TextField label="Title" name="title" defaultValue={asset?.title} required maxLength={200} error={problem.fieldErrors.title} />
        <TextField label="URL" name="url" type="url" defaultValue={asset?.url} required maxLength={2000} placeholder="https://" error={problem.fieldErrors.url} />
      </div>
      <fieldset>
        <legend>Answers these objections</legend>
        {offered.length === 0 && <p className="muted small">Add objections first.</p>}
        <div className="checkbox-grid">
          {offered.map((objection) => (
            <label key={objection.id} className="checkbox">
              <input type="checkbox" name="objectionIds" value={objection.id} defaultChecked={asset?.tags.objectionIds.includes(objection.id)} /> {objection.name}
            </label>
          ))}
        </div>
        <FieldError message={problem.fieldErrors.objectionIds} />
      </fieldset>
      <TextField label="Industries (comma-separated)" name="industries" defaultValue={asset?.tags.industries.join(", ")} placeholder="e.g. Healthcare, SaaS" error={problem.fieldErrors.industries} />
      <fieldset>
        <legend>Fits these stages</legend>
        <div className="checkbox-grid">
          {stages.map((stage) => (
            <label key={stage.key} className="checkbox">
              <input type="checkbox" name="stages" value={stage.key} defaultChecked={asset?.tags.stages.includes(stage.key)} /> {stage.name}
            </label>
          ))}
        </div>
      </fieldset>
      <FormActions label={asset ? "Save proof asset" : "Add proof asset"} isSaving={isSaving} onCancel={onCancel} />
    </form>
  );
}
