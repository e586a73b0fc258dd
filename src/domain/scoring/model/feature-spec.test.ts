import { describe, expect, it } from "vitest";
import { detectFeatureSpec } from "./feature-spec.js";
import type { FeatureRecord } from "./feature-values.js";

/** `count` records from a function of the row number. */
const rows = (count: number, record: (i: number) => FeatureRecord) => Array.from({ length: count }, (_, i) => record(i));

describe("detectFeatureSpec", () => {
  it("reads yes/no-like columns as flags, numbers as standardised numbers and text as levels", () => {
    const spec = detectFeatureSpec(rows(100, (i) => ({ demo: i % 4 === 0 ? "Yes" : "no", employees: String(10 * (i % 3)), plan: ["Pro", "Pro", "Free", "Team"][i % 4] })));
    expect(spec.columns).toEqual([
      { kind: "flag", column: "demo", yesRate: 0.25, hasMissing: false },
      { kind: "numeric", column: "employees", mean: expect.closeTo(9.9, 10), sd: expect.closeTo(Math.sqrt(165 - 9.9 ** 2), 10), hasMissing: false },
      { kind: "categorical", column: "plan", reference: "Pro", levels: ["Free", "Team"], hasOther: false, hasMissing: false },
    ]);
    expect(spec.skipped).toEqual([]);
  });

  it("notes missing values: numbers and flags get a missing input, categories a (missing) level", () => {
    const spec = detectFeatureSpec(rows(100, (i) => ({ budget: i % 10 === 0 ? "" : i % 2 === 0, revenue: i % 5 === 0 ? null : i, industry: i % 7 === 0 ? "  " : i % 2 === 0 ? "SaaS" : "Retail" })));
    expect(spec.columns.map((column) => [column.kind, column.hasMissing])).toEqual([
      ["flag", true],
      ["numeric", true],
      ["categorical", true],
    ]);
  });

  it("keeps levels seen at least 5 times and in 1% of rows, at most 20, and puts the rest in (other)", () => {
    const levels = (i: number) => (i < 600 ? `L${i % 30}` : i < 640 ? "Rare" : "Common");
    const [column] = detectFeatureSpec(rows(1000, (i) => ({ segment: levels(i) }))).columns;
    expect(column).toMatchObject({ kind: "categorical", reference: "Common", hasOther: true });
    expect(column?.kind === "categorical" && column.levels).toHaveLength(19);
    expect(column?.kind === "categorical" && column.levels).toContain("Rare");
  });

  it("skips identifier-like, constant and empty columns with a reason", () => {
    const spec = detectFeatureSpec(
      rows(50, (i) => ({
        "Lead ID": i % 3,
        contactEmail: "x",
        "E-mail": "y",
        Phone: "z",
        "Company name": "Acme",
        note: `met at booth ${i}`,
        channel: "web",
        fax: "",
        size: i % 2,
      })),
    );
    expect(spec.columns.map((column) => column.column)).toEqual(["size"]);
    expect(spec.skipped).toEqual([
      { column: "Lead ID", reason: "looks like an identifier or contact detail" },
      { column: "contactEmail", reason: "looks like an identifier or contact detail" },
      { column: "E-mail", reason: "looks like an identifier or contact detail" },
      { column: "Phone", reason: "looks like an identifier or contact detail" },
      { column: "Company name", reason: "looks like an identifier or contact detail" },
      { column: "note", reason: "has a different value in almost every row (50 distinct in 50)" },
      { column: "channel", reason: "has the same value in every row" },
      { column: "fax", reason: "has no values" },
    ]);
  });

  it("keeps names that only contain an identifier word, and leaves excluded columns out silently", () => {
    const spec = detectFeatureSpec(rows(20, (i) => ({ "Identity verified": i % 2 === 0, Paid: i % 3 === 0, won: i % 2 === 0 })), { exclude: ["won"] });
    expect(spec.columns.map((column) => column.column)).toEqual(["Identity verified", "Paid"]);
    expect(spec.skipped).toEqual([]);
  });

  it("reads columns named like Object.prototype members as columns, and a record without one as missing it", () => {
    // Records as a CSV reader builds them (no prototype) and as JSON.parse does (an own "__proto__").
    const csvRow = (i: number) => Object.assign(Object.create(null) as FeatureRecord, { ["__proto__"]: i % 2 === 0 ? "A" : "B", constructor: i % 3 === 0 ? "Yes" : "No" });
    const jsonRow = (i: number) => JSON.parse(`{"__proto__": "${i % 2 === 0 ? "A" : "B"}", "toString": "note ${i}"}`) as FeatureRecord;
    expect(Object.keys(csvRow(0))).toEqual(["__proto__", "constructor"]);
    const spec = detectFeatureSpec([...rows(20, csvRow), ...rows(20, jsonRow)]);
    expect(spec.columns).toEqual([
      { kind: "categorical", column: "__proto__", reference: "A", levels: ["B"], hasOther: false, hasMissing: false },
      // The JSON rows have no constructor of their own: missing, not Object's constructor function.
      { kind: "flag", column: "constructor", yesRate: 7 / 20, hasMissing: true },
    ]);
    expect(spec.skipped).toEqual([{ column: "toString", reason: "has a different value in almost every row (20 distinct in 20)" }]);
  });

  it("reads a column with one value besides blanks as filled in or not", () => {
    const [column] = detectFeatureSpec(rows(20, (i) => ({ referrer: i % 2 === 0 ? "partner" : "" }))).columns;
    expect(column).toEqual({ kind: "categorical", column: "referrer", reference: "partner", levels: [], hasOther: false, hasMissing: true });
  });

  it("survives a JSON round trip", () => {
    const spec = detectFeatureSpec(rows(30, (i) => ({ a: i, b: i % 2 === 0 ? "x" : "y", c: i % 3 === 0 ? "" : "yes" })));
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });
});
