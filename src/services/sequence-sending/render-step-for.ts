import type { ProofAsset } from "../../domain/objections/proof-asset.js";
import { type RenderedStep, renderStep, templateVariablesOf } from "../../domain/sequences/template.js";
import { findProofAsset } from "../../store/proof-assets.js";
import { unsubscribeUrlOf } from "../unsubscribe/unsubscribe-link.js";
import type { StepRun } from "./step-run.js";

/**
 * The step as this lead will read it (or its owner, for a task): its templates filled with the
 * lead's, the owner's and the company's values and the lead's own unsubscribe link, and the
 * step's proof assets under the body.
 */
export async function renderStepFor(run: StepRun): Promise<RenderedStep> {
  const { trx, ctx, lead, owner, settings, step, now } = run;
  const unsubscribeUrl = lead.email ? await unsubscribeUrlOf(ctx, trx, ctx.publicUrl, { address: lead.email.toLowerCase(), leadId: lead.id }, now) : null;
  const variables = templateVariablesOf({ lead, owner: owner ?? null, companyName: settings.companyName, unsubscribeUrl });
  const assets: ProofAsset[] = [];
  for (const id of step.proofAssetIds) {
    const asset = await findProofAsset(trx, id);
    if (asset) assets.push(asset);
  }
  return renderStep(step, variables, assets);
}
