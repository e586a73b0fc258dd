import { describe, expect, it } from "vitest";
import { encodeRecords, encodedFeaturesOf, recordEncoder } from "./feature-encoding.js";
import type { FeatureSpec } from "./feature-spec.js";
import type { FeatureRecord } from "./feature-values.js";

const spec: FeatureSpec = {
  columns: [
    { kind: "numeric", column: "employees", mean: 100, sd: 50, hasMissing: true },
    { kind: "flag", column: "budget", yesRate: 0.4, hasMissing: true },
    { kind: "categorical", column: "source", reference: "Website", levels: ["Referral", "Event"], hasOther: true, hasMissing: true },
  ],
  skipped: [],
};

describe("encodedFeaturesOf", () => {
  it("names one input per number, flag, missing marker and non-baseline level", () => {
    expect(encodedFeaturesOf(spec).map((feature) => feature.name)).toEqual([
      "employees",
      "employees missing",
      "budget",
      "budget missing",
      "source is Referral",
      "source is Event",
      "source is (other)",
      "source is (missing)",
    ]);
  });
});

describe("recordEncoder", () => {
  const encode = (record: Record<string, string | number | boolean | null>) => {
    const out = new Float64Array(8);
    recordEncoder(spec).encode(record, out, 0);
    return [...out];
  };

  it("standardises numbers, reads yes/no and one-hots the level", () => {
    expect(encode({ employees: "200", budget: "Yes", source: "Event" })).toEqual([2, 0, 1, 0, 0, 1, 0, 0]);
    expect(encode({ employees: 50, budget: false, source: "Website" })).toEqual([-1, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("counts a missing or unreadable number as the mean, a missing flag as the yes rate, each with its missing marker", () => {
    expect(encode({ employees: "", budget: null, source: " " })).toEqual([0, 1, 0.4, 1, 0, 0, 0, 1]);
    expect(encode({ employees: "lots", budget: "maybe", source: null })).toEqual([0, 1, 0.4, 1, 0, 0, 0, 1]);
  });

  it("reads a level it has not seen as (other)", () => {
    expect(encode({ employees: 100, budget: "no", source: "Podcast" })).toEqual([0, 0, 0, 0, 0, 0, 1, 0]);
  });
});

describe("recordEncoder on columns named like Object.prototype members", () => {
  const protoSpec: FeatureSpec = {
    columns: [
      { kind: "categorical", column: "__proto__", reference: "A", levels: ["B"], hasOther: false, hasMissing: true },
      { kind: "flag", column: "constructor", yesRate: 0.5, hasMissing: true },
    ],
    skipped: [],
  };
  const encode = (record: FeatureRecord) => {
    const out = new Float64Array(4);
    recordEncoder(protoSpec).encode(record, out, 0);
    return [...out];
  };

  it("reads the record's own values, and a plain object without them as missing", () => {
    expect(encode(JSON.parse('{"__proto__": "B", "constructor": "yes"}') as FeatureRecord)).toEqual([1, 0, 1, 0]);
    expect(encode({})).toEqual([0, 1, 0.5, 1]);
  });
});

describe("encodeRecords", () => {
  it("keeps each row's non-zero inputs, row by row", () => {
    const matrix = encodeRecords(spec, [{ employees: 150 }, { employees: 100, source: "Referral" }]);
    const dense = (row: number) => {
      const out = new Array<number>(matrix.width).fill(0);
      for (let k = matrix.rowStarts[row]!; k < matrix.rowStarts[row + 1]!; k++) out[matrix.columns[k]!] = matrix.values[k]!;
      return out;
    };
    expect(matrix.rows).toBe(2);
    expect(matrix.width).toBe(8);
    expect(dense(0).slice(0, 2)).toEqual([1, 0]);
    expect(dense(1)[4]).toBe(1);
    expect([...matrix.values].includes(0)).toBe(false);
  });
});
