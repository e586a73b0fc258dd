import type { Static } from "typebox";
import type { ChangeProofAssetBody, CreateProofAssetBody, ProofAssetDtoType } from "../../../src/http/routes/objections/objections.schemas.js";
import { apiRequest } from "./client.js";

export type { ProofAssetKind } from "../../../src/domain/objections/proof-asset.js";

/** A case study, testimonial or ROI example, tagged by objection, industry and stage. */
export type ProofAsset = ProofAssetDtoType;
export type NewProofAsset = Static<typeof CreateProofAssetBody>;

const ASSETS = "/api/v1/proof-assets";

/** Every proof asset, by title. */
export async function listProofAssets(signal?: AbortSignal): Promise<ProofAsset[]> {
  const page = await apiRequest<{ items: ProofAsset[] }>(ASSETS, { signal });
  return page.items;
}

/** Adds a proof asset. */
export async function createProofAsset(input: NewProofAsset): Promise<ProofAsset> {
  return apiRequest<ProofAsset>(ASSETS, { method: "POST", body: input });
}

/** Changes a proof asset; tag lists given replace the old ones. */
export async function changeProofAsset(id: string, change: Static<typeof ChangeProofAssetBody>): Promise<ProofAsset> {
  return apiRequest<ProofAsset>(`${ASSETS}/${encodeURIComponent(id)}`, { method: "PATCH", body: change });
}
