import { describe, expect, it } from "vitest";
import { expectationText, outcomeMoveOf, outcomeText, proposalOf } from "./deal-words.js";

function formOf(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

describe("proposalOf", () => {
  it("leaves the time out for today and sends midday in the person's zone for an earlier day", () => {
    expect(proposalOf("12,500", "2026-03-02", "2026-03-02", "UTC")).toEqual({ proposal: { amount: 12500 } });
    expect(proposalOf("12500.5", "2026-03-01", "2026-03-02", "Europe/Berlin")).toEqual({ proposal: { amount: 12500.5, sentAt: "2026-03-01T11:00:00.000Z" } });
  });

  it("names the amount when it is not a positive amount", () => {
    expect(proposalOf("free", "", "2026-03-02", "UTC")).toMatchObject({ field: "amount" });
  });
});

describe("expectationText", () => {
  it("flags a proposal far from the campaign's price anchor, by how much and which way", () => {
    expect(expectationText({ amount: 14500, priceAnchor: 10000, deviationPercent: 45, isExpectationMismatch: true })).toBe("Expectation mismatch: 45% above the campaign's price anchor of 10,000.");
    expect(expectationText({ amount: 9000, priceAnchor: 10000, deviationPercent: -10, isExpectationMismatch: false })).toBe("In line with the campaign's price anchor of 10,000 (10% below).");
    expect(expectationText({ amount: 9000, priceAnchor: null, deviationPercent: null, isExpectationMismatch: false })).toBeNull();
  });
});

describe("outcomeMoveOf", () => {
  it("moves to the won stage with the amount and the ticked checklist", () => {
    const form = formOf([["amount", "12,500"], ["checkedItems", "proposal_reviewed"]]);
    expect(outcomeMoveOf("won", "won", form)).toEqual({ move: { stage: "won", amount: 12500, checkedItems: ["proposal_reviewed"] } });
    expect(outcomeMoveOf("won", "won", formOf([["amount", "0"]]))).toMatchObject({ field: "amount" });
  });

  it("moves to the lost stage with the reason, and the note only when written", () => {
    expect(outcomeMoveOf("lost", "lost", formOf([["reason", "price"], ["note", "  "]]))).toEqual({ move: { stage: "lost", reason: "price", checkedItems: [] } });
    expect(outcomeMoveOf("lost", "lost", formOf([["reason", "other"], ["note", "Bought in-house"]]))).toEqual({ move: { stage: "lost", reason: "other", note: "Bought in-house", checkedItems: [] } });
    expect(outcomeMoveOf("lost", "lost", formOf([]))).toMatchObject({ field: "reason" });
  });
});

describe("outcomeText", () => {
  it("says how the deal ended", () => {
    expect(outcomeText({ kind: "won", amount: 12500 })).toBe("Won: 12,500");
    expect(outcomeText({ kind: "lost", reason: "price", label: "Price", note: "Cheaper quote" })).toBe("Lost: Price — Cheaper quote");
    expect(outcomeText({ kind: "disqualified", reason: "spam", label: "Spam", note: null })).toBe("Disqualified: Spam");
  });
});
