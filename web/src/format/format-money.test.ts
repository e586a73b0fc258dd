import { describe, expect, it } from "vitest";
import { amountOfCents, formatAmount, parseAmount } from "./format-money.js";

describe("parseAmount", () => {
  it("reads plain amounts and thousands separated by commas or spaces", () => {
    expect(parseAmount("12500")).toBe(12500);
    expect(parseAmount(" 12,500.50 ")).toBe(12500.5);
    expect(parseAmount("12 500")).toBe(12500);
  });

  it("refuses zero, negatives, words and more than two decimals", () => {
    for (const text of ["", "0", "-5", "twelve", "1.005", "1.2.3"]) expect(parseAmount(text)).toBeNull();
  });
});

describe("formatAmount", () => {
  it("groups thousands and keeps at most two decimals; cents come back as major units", () => {
    expect(formatAmount(12500.5)).toBe("12,500.5");
    expect(formatAmount(amountOfCents(1_250_050))).toBe("12,500.5");
  });
});
