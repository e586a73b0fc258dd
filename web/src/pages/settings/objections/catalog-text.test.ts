import { describe, expect, it } from "vitest";
import { groupResponses, tagsOf } from "./catalog-text.js";
import { proofAssetOf } from "./proof-asset-form.js";

const version = (id: string, responseId: string, number: number) => ({ id, responseId, version: number, text: `${responseId} v${number}`, isCurrent: false, createdAt: "2026-03-02T09:00:00.000Z" });

describe("groupResponses", () => {
  it("puts each response's newest wording first, older wordings after, responses in the order they were added", () => {
    const groups = groupResponses([version("a1", "roi", 1), version("p1", "pilot", 1), version("a2", "roi", 2), version("a3", "roi", 3)]);
    expect(groups.map((group) => [group.responseId, group.current.id, group.older.map((older) => older.id)])).toEqual([
      ["roi", "a3", ["a2", "a1"]],
      ["pilot", "p1", []],
    ]);
  });
});

describe("tagsOf", () => {
  it("trims, drops blanks and repeats whatever their case", () => {
    expect(tagsOf(" Healthcare, SaaS ,, healthcare ")).toEqual(["Healthcare", "SaaS"]);
    expect(tagsOf("")).toEqual([]);
  });
});

describe("proofAssetOf", () => {
  it("sends the ticked objections and stages and the typed industries as tags", () => {
    const form = new FormData();
    for (const [name, value] of [["kind", "case_study"], ["title", " Clinic case study "], ["url", "https://proof.example/clinic"], ["objectionIds", "objection_1"], ["objectionIds", "objection_2"], ["industries", "Healthcare, , healthcare, Dental"], ["stages", "proposal"]]) form.append(name!, value!);
    expect(proofAssetOf(form)).toEqual({
      kind: "case_study",
      title: "Clinic case study",
      url: "https://proof.example/clinic",
      tags: { objectionIds: ["objection_1", "objection_2"], industries: ["Healthcare", "Dental"], stages: ["proposal"] },
    });
  });
});
