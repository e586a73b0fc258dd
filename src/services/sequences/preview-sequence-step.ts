import type { Principal } from "../../domain/access/permission.js";
import { DomainError } from "../../domain/errors.js";
import type { SequenceStep } from "../../domain/sequences/sequence.js";
import { renderStep, type RenderedStep, templateVariablesOf } from "../../domain/sequences/template.js";
import { listProofAssets } from "../../store/proof-assets.js";
import { readSettings } from "../../store/settings.js";
import { findUserById } from "../../store/users.js";
import type { ServiceContext } from "../context.js";
import { findVisibleLead } from "../leads/find-visible-lead.js";

export type StepPreviewRequest = { leadId: string; step: Pick<SequenceStep, "channel" | "subject" | "body" | "proofAssetIds"> };

/**
 * A step (saved or still in the editor) rendered for a real lead the principal may see: the
 * subject and body that lead would get, or the problem that would stop it (a variable this
 * lead lacks). The unsubscribe link is a stand-in; real ones are signed per message.
 */
export async function previewSequenceStep(ctx: ServiceContext, principal: Principal, request: StepPreviewRequest): Promise<RenderedStep> {
  const lead = await findVisibleLead(ctx.db, principal, request.leadId).catch((error: unknown) => {
    // The lead is named by the request's `leadId`, not by an `id` in the path.
    throw error instanceof DomainError && error.code === "not_found" ? new DomainError("not_found", { field: "leadId", message: `leadId: no lead ${request.leadId}` }) : error;
  });
  const owner = lead.ownerId ? await findUserById(ctx.db, lead.ownerId) : undefined;
  const { companyName } = await readSettings(ctx.db);
  const variables = templateVariablesOf({ lead, owner: owner ?? null, companyName, unsubscribeUrl: `${ctx.publicUrl}/u/preview` });
  return renderStep(request.step, variables, await listProofAssets(ctx.db));
}
