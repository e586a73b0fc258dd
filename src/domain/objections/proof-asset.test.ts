import { describe, expect, it } from "vitest";
import { isShareableUrl, matchProofAssets, type ProofAsset } from "./proof-asset.js";

function asset(id: string, objectionIds: string[], industries: string[]): ProofAsset {
  return { id, kind: "case_study", title: `Title ${id}`, url: `https://proof.example/${id}`, tags: { objectionIds, industries, stages: [] }, createdAt: 0 };
}

describe("matchProofAssets", () => {
  const assets = [asset("a", ["price"], ["retail"]), asset("b", ["price"], ["Healthcare"]), asset("c", ["timing"], ["healthcare"]), asset("d", ["price", "timing"], [])];

  it("keeps only assets tagged with the objection, the lead's industry first", () => {
    expect(matchProofAssets(assets, "price", "healthcare ").map((a) => a.id)).toEqual(["b", "a", "d"]);
  });

  it("orders by title when the lead has no industry", () => {
    expect(matchProofAssets(assets, "timing", null).map((a) => a.id)).toEqual(["c", "d"]);
  });
});

describe("isShareableUrl", () => {
  it.each([
    ["https://proof.example/case", true],
    ["http://proof.example", true],
    ["javascript:alert(1)", false],
    ["file:///etc/passwd", false],
    ["not a url", false],
  ])("%s → %s", (url, expected) => {
    expect(isShareableUrl(url)).toBe(expected);
  });
});
