/** Evidence a rep can send to answer an objection. */
export type ProofAssetKind = "case_study" | "testimonial" | "roi_example";

export const PROOF_ASSET_KINDS: readonly ProofAssetKind[] = ["case_study", "testimonial", "roi_example"];

/** What a proof asset is relevant to: objections it answers, industries and stages it fits. */
export type ProofAssetTags = {
  objectionIds: string[];
  industries: string[];
  stages: string[];
};

export type ProofAsset = {
  id: string;
  kind: ProofAssetKind;
  title: string;
  url: string;
  tags: ProofAssetTags;
  createdAt: number;
};

/** Whether a URL is one a buyer can open: http or https only (no `javascript:` or `file:` links). */
export function isShareableUrl(url: string): boolean {
  try {
    const protocol = new URL(url).protocol;
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

const sameIndustry = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Proof for an objection: only assets tagged with it, those tagged with the lead's industry
 * first (a peer's story persuades more than a stranger's), then by title.
 */
export function matchProofAssets(assets: readonly ProofAsset[], objectionId: string, industry: string | null): ProofAsset[] {
  const fitsIndustry = (asset: ProofAsset) => industry !== null && asset.tags.industries.some((tag) => sameIndustry(tag, industry));
  return assets
    .filter((asset) => asset.tags.objectionIds.includes(objectionId))
    .map((asset) => ({ asset, isIndustryMatch: fitsIndustry(asset) }))
    .sort((a, b) => Number(b.isIndustryMatch) - Number(a.isIndustryMatch) || a.asset.title.localeCompare(b.asset.title))
    .map(({ asset }) => asset);
}
