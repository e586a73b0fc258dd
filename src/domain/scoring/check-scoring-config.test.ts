import { describe, expect, it } from "vitest";
import { refusalOf, refusedField } from "../../../test/support/domain-failure.js";
import { checkScoringConfig } from "./check-scoring-config.js";
import { DEFAULT_SCORING_CONFIG } from "./scoring-config.js";

const CRITERIA = ["budget", "authority", "need", "timeline"];

type Change = [path: string, value: unknown];

/** The default config as a client would send it, with each dotted path set to its value (undefined: left out). */
function sent(...changes: Change[]): unknown {
  const body = structuredClone(DEFAULT_SCORING_CONFIG) as unknown as Record<string, unknown>;
  for (const [path, value] of changes) {
    const keys = path.split(".");
    const last = keys.pop() ?? "";
    const parent = keys.reduce((object, key) => object[key] as Record<string, unknown>, body);
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
  return body;
}

/** The field the check names when the default config is sent with these changes (undefined: accepted). */
const fieldRefused = (...changes: Change[]) => refusedField(() => checkScoringConfig(sent(...changes), CRITERIA), "invalid");

describe("checkScoringConfig", () => {
  it("accepts the default config and returns it unchanged", () => {
    expect(checkScoringConfig(sent(), CRITERIA)).toEqual(DEFAULT_SCORING_CONFIG);
  });

  it("reads a missing match as every signal and a missing isHighIntent as false", () => {
    const config = checkScoringConfig(sent(["intentRules.0.match", undefined], ["intentRules.0.isHighIntent", undefined]), CRITERIA);
    expect(config.intentRules[0]).toMatchObject({ match: null, isHighIntent: false });
  });

  it("refuses a body that is not an object, and unknown settings at any level", () => {
    expect(refusalOf(() => checkScoringConfig([], CRITERIA))).toEqual({ code: "invalid", field: "body" });
    expect(fieldRefused(["fitShares", 0.5])).toBe("fitShares");
    expect(fieldRefused(["fitRules.1.weight", 2])).toBe("fitRules.1.weight");
    expect(fieldRefused(["buckets.lukewarm", 30])).toBe("buckets.lukewarm");
  });

  describe("fit rules", () => {
    it("names the condition's field, operator or value when it cannot be tested", () => {
      expect(fieldRefused(["fitRules.2.condition.field", "shoeSize"])).toBe("fitRules.2.condition.field");
      expect(fieldRefused(["fitRules.3.condition.field", "qualification.horoscope"])).toBe("fitRules.3.condition.field");
      expect(() => checkScoringConfig(sent(["fitRules.3.condition.field", "qualification.horoscope"]), ["budget"])).toThrow(/must be one of source, .*, utmCampaign, qualification\.budget, or custom\.<name>/);
      expect(fieldRefused(["fitRules.0.condition.operator", "like"])).toBe("fitRules.0.condition.operator");
      expect(fieldRefused(["fitRules.0.condition.value", "(unclosed"])).toBe("fitRules.0.condition.value");
      expect(fieldRefused(["fitRules.2.condition.value", "fifty"])).toBe("fitRules.2.condition.value");
      expect(fieldRefused(["fitRules.7.condition.value", ["gmail.com", 3]])).toBe("fitRules.7.condition.value");
      expect(fieldRefused(["fitRules.1.condition", undefined])).toBe("fitRules.1.condition");
    });

    it("accepts qualification fields for the workspace's criteria and custom fields", () => {
      const config = checkScoringConfig(sent(["fitRules.0.condition", { field: "custom.industry", operator: "in", value: ["saas", "fintech"] }]), CRITERIA);
      expect(config.fitRules[0]?.condition.field).toBe("custom.industry");
      expect(refusedField(() => checkScoringConfig(sent(), ["budget"]))).toBe("fitRules.4.condition.field");
    });

    it("refuses points that are not whole numbers from -100 to 100, and too many rules", () => {
      expect(fieldRefused(["fitRules.4.points", 101])).toBe("fitRules.4.points");
      expect(fieldRefused(["fitRules.4.points", 2.5])).toBe("fitRules.4.points");
      expect(fieldRefused(["fitRules.4.points", "20"])).toBe("fitRules.4.points");
      expect(fieldRefused(["fitRules", Array.from({ length: 51 }, (_, index) => ({ ...DEFAULT_SCORING_CONFIG.fitRules[0], id: `rule_${index}` }))])).toBe("fitRules");
      expect(fieldRefused(["fitRules", "none"])).toBe("fitRules");
    });
  });

  describe("rule ids and labels", () => {
    it("wants unique slug-like ids across fit and intent rules", () => {
      expect(fieldRefused(["fitRules.1.id", "Senior Title"])).toBe("fitRules.1.id");
      expect(fieldRefused(["fitRules.1.id", "senior_title"])).toBe("fitRules.1.id");
      expect(fieldRefused(["intentRules.3.id", "senior_title"])).toBe("intentRules.3.id");
    });

    it("wants labels of 1 to 80 characters", () => {
      expect(fieldRefused(["intentRules.0.label", "  "])).toBe("intentRules.0.label");
      expect(fieldRefused(["intentRules.0.label", "x".repeat(81)])).toBe("intentRules.0.label");
      expect(checkScoringConfig(sent(["intentRules.0.label", "x".repeat(80)]), CRITERIA).intentRules[0]?.label).toHaveLength(80);
    });
  });

  describe("intent rules", () => {
    it("names the bad signal, match, half-life, count or flag", () => {
      expect(fieldRefused(["intentRules.1.signal", "tweeted"])).toBe("intentRules.1.signal");
      expect(fieldRefused(["intentRules.1.match", "x".repeat(201)])).toBe("intentRules.1.match");
      expect(fieldRefused(["intentRules.1.match", 7])).toBe("intentRules.1.match");
      expect(fieldRefused(["intentRules.0.halfLifeDays", 0])).toBe("intentRules.0.halfLifeDays");
      expect(fieldRefused(["intentRules.0.halfLifeDays", 3651])).toBe("intentRules.0.halfLifeDays");
      expect(fieldRefused(["intentRules.2.maxCount", 0])).toBe("intentRules.2.maxCount");
      expect(fieldRefused(["intentRules.2.maxCount", 1.5])).toBe("intentRules.2.maxCount");
      expect(fieldRefused(["intentRules.2.maxCount", 101])).toBe("intentRules.2.maxCount");
      expect(fieldRefused(["intentRules.2.points", -101])).toBe("intentRules.2.points");
      expect(fieldRefused(["intentRules.2.isHighIntent", "yes"])).toBe("intentRules.2.isHighIntent");
    });

    it("accepts a fractional half-life up to ten years", () => {
      const config = checkScoringConfig(sent(["intentRules.0.halfLifeDays", 0.5]), CRITERIA);
      expect(config.intentRules[0]?.halfLifeDays).toBe(0.5);
      expect(fieldRefused(["intentRules.0.halfLifeDays", 3650])).toBeUndefined();
    });
  });

  describe("thresholds and shares", () => {
    it("wants whole-number buckets with 0 < cold < warm < hot ≤ 100", () => {
      expect(fieldRefused(["buckets.cold", 0])).toBe("buckets.cold");
      expect(fieldRefused(["buckets.warm", 15])).toBe("buckets.warm");
      expect(fieldRefused(["buckets.hot", 40])).toBe("buckets.hot");
      expect(fieldRefused(["buckets.hot", 101])).toBe("buckets.hot");
      expect(fieldRefused(["buckets.warm", 40.5])).toBe("buckets.warm");
      expect(fieldRefused(["buckets", undefined])).toBe("buckets");
      expect(fieldRefused(["buckets", { hot: 100, warm: 99, cold: 1 }])).toBeUndefined();
      expect(() => checkScoringConfig(sent(["buckets.warm", 15]), CRITERIA)).toThrow("buckets.warm: must be above cold (15)");
    });

    it("wants intent levels with 0 < medium < high ≤ 100", () => {
      expect(fieldRefused(["intentLevels.medium", -1])).toBe("intentLevels.medium");
      expect(fieldRefused(["intentLevels.high", 20])).toBe("intentLevels.high");
      expect(fieldRefused(["intentLevels.high", 120])).toBe("intentLevels.high");
    });

    it("wants shares in [0, 1] and a window of 1 to 365 whole days", () => {
      expect(fieldRefused(["fitShare", 1.2])).toBe("fitShare");
      expect(fieldRefused(["modelWeight", -0.1])).toBe("modelWeight");
      expect(fieldRefused(["modelWeight", null])).toBe("modelWeight");
      expect(fieldRefused(["highIntentWindowDays", 0])).toBe("highIntentWindowDays");
      expect(fieldRefused(["highIntentWindowDays", 366])).toBe("highIntentWindowDays");
      expect(fieldRefused(["highIntentWindowDays", 7.5])).toBe("highIntentWindowDays");
      expect(fieldRefused(["fitShare", 0], ["modelWeight", 1], ["highIntentWindowDays", 365])).toBeUndefined();
    });
  });
});
