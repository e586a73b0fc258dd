import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { refusedField } from "../../../test/support/domain-failure.js";
import { amountOfCents, centsOfAmount, MAX_DEAL_AMOUNT } from "./deal-amount.js";

const fieldOf = (amount: number) => refusedField(() => centsOfAmount(amount, "amount"));

describe("centsOfAmount", () => {
  it.each([
    [12500.5, 1_250_050],
    [0.07, 7],
    [0.01, 1],
    [19.99, 1999],
    [MAX_DEAL_AMOUNT, MAX_DEAL_AMOUNT * 100],
  ])("%d is %d cents", (amount, cents) => {
    expect(centsOfAmount(amount, "amount")).toBe(cents);
  });

  it.each([0, -1, 0.005, 12.345, Number.NaN, Number.POSITIVE_INFINITY, MAX_DEAL_AMOUNT + 1])("refuses %d, naming the field", (amount) => {
    expect(fieldOf(amount)).toBe("amount");
  });

  it("round-trips every whole number of cents up to the maximum", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_DEAL_AMOUNT * 100 }), (cents) => {
        expect(centsOfAmount(amountOfCents(cents), "amount")).toBe(cents);
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses amounts with a third decimal", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 1, max: 9 }), (cents, thousandth) => {
        expect(fieldOf((cents * 10 + thousandth) / 1000)).toBe("amount");
      }),
    );
  });
});
