import { DomainError } from "../../domain/errors.js";
import type { Actor } from "../../domain/lead/lead-event.js";
import type { ProofAsset } from "../../domain/objections/proof-asset.js";
import { appendEvents } from "../../store/events.js";
import { findProofAsset, saveProofAsset } from "../../store/proof-assets.js";
import type { ServiceContext } from "../context.js";
import { catalogChanged } from "./catalog-event.js";
import { applyProofAssetInput, type ProofAssetInput } from "./proof-asset-input.js";

/** Changes a proof asset's kind, title, URL or tags and appends `objection_catalog_changed`. */
export async function changeProofAsset(ctx: ServiceContext, id: string, input: ProofAssetInput, actor: Actor): Promise<ProofAsset> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findProofAsset(trx, id);
    if (!before) throw new DomainError("not_found", { field: "id", message: `id: no proof asset ${id}` });
    const asset = await applyProofAssetInput(trx, before, input);
    const now = ctx.clock.now();
    await saveProofAsset(trx, asset, now);
    await appendEvents(trx, [catalogChanged(actor, now, "proof_asset_changed", { proofAssetId: id, kind: asset.kind, title: asset.title })]);
    return asset;
  });
}
