import { invalidField } from "../../domain/errors.js";
import { CATALOG_NAME_MAX_LENGTH, normalizeCatalogText, normalizeTags } from "../../domain/objections/catalog-text.js";
import { isShareableUrl, type ProofAsset, type ProofAssetKind, type ProofAssetTags } from "../../domain/objections/proof-asset.js";
import type { Executor } from "../../store/engine.js";
import { listObjections } from "../../store/objections.js";

/** Proof asset fields as a manager writes them; tags left out stay as they were (or empty). */
export type ProofAssetInput = {
  kind?: ProofAssetKind | undefined;
  title?: string | undefined;
  url?: string | undefined;
  tags?: Partial<ProofAssetTags> | undefined;
};

/** `before` with the input applied and checked: title not blank, URL http(s), tagged objections exist. */
export async function applyProofAssetInput(trx: Executor, before: ProofAsset, input: ProofAssetInput): Promise<ProofAsset> {
  const url = input.url?.trim() ?? before.url;
  if (!isShareableUrl(url)) throw invalidField("url", "must be an http or https URL");
  const tags: ProofAssetTags = {
    objectionIds: normalizeTags(input.tags?.objectionIds ?? before.tags.objectionIds),
    industries: normalizeTags(input.tags?.industries ?? before.tags.industries),
    stages: normalizeTags(input.tags?.stages ?? before.tags.stages),
  };
  const known = new Set((await listObjections(trx)).map((objection) => objection.id));
  const unknownIndex = tags.objectionIds.findIndex((id) => !known.has(id));
  if (unknownIndex >= 0) throw invalidField(`tags.objectionIds.${unknownIndex}`, `no objection ${tags.objectionIds[unknownIndex]}`);
  const title = input.title === undefined ? before.title : normalizeCatalogText(input.title, "title", CATALOG_NAME_MAX_LENGTH);
  return { ...before, kind: input.kind ?? before.kind, title, url, tags };
}
