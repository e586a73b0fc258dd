import { type FormEvent, useId } from "react";
import { type CampaignPromise, saveCampaignPromise } from "../../../api/campaign-promises.js";
import { FormActions } from "../../../components/form-actions.js";
import { FormAlert } from "../../../components/form-alert.js";
import { TextAreaField } from "../../../components/text-area-field.js";
import { TextField } from "../../../components/text-field.js";
import { useFormSave } from "../../../hooks/use-form-save.js";
import { parseAmount } from "../../../format/format-money.js";

const FIELDS = ["campaign", "priceAnchor", "timelineDays", "notes"] as const;

type CampaignPromiseFormProps = { promise: CampaignPromise | null; onSaved: () => void; onCancel: () => void };

/** Records or changes what one campaign promised; blank boxes promise nothing. */
export function CampaignPromiseForm({ promise, onSaved, onCancel }: CampaignPromiseFormProps) {
  const id = useId();
  const { problem, setProblem, isSaving, submit } = useFormSave(FIELDS);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const read = (name: string) => String(form.get(name) ?? "").trim();
    const campaign = promise?.campaign ?? read("campaign");
    if (campaign === "") return setProblem({ fieldErrors: { campaign: "Name the campaign, as leads carry it." }, message: null });
    const anchorText = read("priceAnchor");
    const priceAnchor = anchorText === "" ? null : parseAmount(anchorText);
    if (priceAnchor === null && anchorText !== "") return setProblem({ fieldErrors: { priceAnchor: "Enter an amount, e.g. 12000 or 12,000.50." }, message: null });
    const timelineText = read("timelineDays");
    await submit(() => saveCampaignPromise(campaign, { priceAnchor, timelineDays: timelineText === "" ? null : Number(timelineText), notes: read("notes") || null }), onSaved);
  }

  return (
    <form className="panel" onSubmit={handleSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{promise ? `Edit “${promise.campaign}”` : "New campaign promise"}</h2>
      <FormAlert message={problem.message} />
      <div className="field-row">
        {!promise && <TextField label="Campaign" name="campaign" placeholder="e.g. spring-webinar" maxLength={200} error={problem.fieldErrors.campaign} />}
        <TextField label="Price anchor" name="priceAnchor" inputMode="decimal" defaultValue={promise?.priceAnchor ?? ""} error={problem.fieldErrors.priceAnchor} />
        <TextField label="Timeline (days)" name="timelineDays" type="number" min="1" step="1" defaultValue={promise?.timelineDays ?? ""} error={problem.fieldErrors.timelineDays} />
      </div>
      <TextAreaField label="Notes" name="notes" rows={2} maxLength={2000} defaultValue={promise?.notes ?? ""} error={problem.fieldErrors.notes} />
      <FormActions label="Save promise" isSaving={isSaving} onCancel={onCancel} />
    </form>
  );
}
