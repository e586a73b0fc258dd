import { describe, expect, it } from "vitest";
import { MIN_CLOSED_LEADS, MIN_WINS, modelReadiness } from "./model-readiness.js";

describe("modelReadiness", () => {
  it("says how many more closed leads and wins the model needs", () => {
    expect(modelReadiness(130, 22)).toEqual({
      isReady: false,
      closed: 130,
      wins: 22,
      missingClosed: 70,
      missingWins: 18,
      message: "The model needs 200 closed leads with at least 40 wins; you have 130 closed and 22 wins: 70 more closed leads and 18 more wins.",
    });
  });

  it("names only what is short, in the singular for one", () => {
    expect(modelReadiness(199, 60).message).toBe("The model needs 200 closed leads with at least 40 wins; you have 199 closed and 60 wins: 1 more closed lead.");
    expect(modelReadiness(500, 39).message).toMatch(/: 1 more win\.$/);
  });

  it("is ready at the minimum history", () => {
    const readiness = modelReadiness(MIN_CLOSED_LEADS, MIN_WINS);
    expect(readiness).toMatchObject({ isReady: true, missingClosed: 0, missingWins: 0 });
    expect(readiness.message).toBe("Enough history to train the model: 200 closed leads with 40 wins.");
  });
});
