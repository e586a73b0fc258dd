import type { Actor } from "../../domain/lead/lead-event.js";
import type { ProofAsset, ProofAssetKind } from "../../domain/objections/proof-asset.js";
import { appendEvents } from "../../store/events.js";
import { saveProofAsset } from "../../store/proof-assets.js";
import type { ServiceContext } from "../context.js";
import { catalogChanged } from "./catalog-event.js";
import { applyProofAssetInput, type ProofAssetInput } from "./proof-asset-input.js";

export type NewProofAsset = ProofAssetInput & { kind: ProofAssetKind; title: string; url: string };

/** Adds a proof asset and appends `objection_catalog_changed`. */
export async function createProofAsset(ctx: ServiceContext, input: NewProofAsset, actor: Actor): Promise<ProofAsset> {
  const now = ctx.clock.now();
  const blank: ProofAsset = { id: ctx.ids("proof"), kind: input.kind, title: input.title, url: input.url, tags: { objectionIds: [], industries: [], stages: [] }, createdAt: now };
  return ctx.db.transaction().execute(async (trx) => {
    const asset = await applyProofAssetInput(trx, blank, input);
    await saveProofAsset(trx, asset, now);
    await appendEvents(trx, [catalogChanged(actor, now, "proof_asset_created", { proofAssetId: asset.id, kind: asset.kind, title: asset.title })]);
    return asset;
  });
}
