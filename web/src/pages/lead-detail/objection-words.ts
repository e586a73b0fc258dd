import type { ObjectionCategory, ResponseSuggestion } from "../../api/objections.js";
import type { ProofAssetKind } from "../../api/proof-assets.js";

export const CATEGORY_LABELS: Record<ObjectionCategory, string> = { price: "Price", timing: "Timing", authority: "Authority", competition: "Competition", trust: "Trust", need: "Need" };

export const PROOF_KIND_LABELS: Record<ProofAssetKind, string> = { case_study: "Case study", testimonial: "Testimonial", roi_example: "ROI example" };

/** "62% of 13 closed": a response's win rate with the closed leads behind it, so a lucky 1 of 1 reads as thin. */
export function winRateLabel({ winRate, sampleSize, open }: Pick<ResponseSuggestion, "winRate" | "sampleSize" | "open">): string {
  if (winRate === null) return open > 0 ? `No closed leads yet (${open} open)` : "Not used yet";
  return `${Math.round(winRate * 100)}% of ${sampleSize} closed`;
}

/** "v2" for a reworded response; the first wording needs no number. */
export function versionLabel(version: number): string {
  return version > 1 ? `v${version}` : "";
}
