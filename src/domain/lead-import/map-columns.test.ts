import { describe, expect, it } from "vitest";
import { parseColumnTarget } from "./column-target.js";
import { mapColumns, parseColumnOverrides, rowToPayload } from "./map-columns.js";

const targets = (headers: string[], options: Parameters<typeof mapColumns>[1] = { overrides: [] }) =>
  Object.fromEntries(mapColumns(headers, options).columns.map((c) => [c.header, c.target]));

describe("parseColumnTarget", () => {
  it("accepts payload fields in any case or punctuation, custom.<name> and -", () => {
    expect(parseColumnTarget("first_name")).toEqual({ kind: "field", field: "firstName" });
    expect(parseColumnTarget(" UTM-Source ")).toEqual({ kind: "field", field: "utmSource" });
    expect(parseColumnTarget("Custom.Plan Tier")).toEqual({ kind: "custom", name: "Plan Tier" });
    expect(parseColumnTarget("-")).toEqual({ kind: "skip" });
    expect(parseColumnTarget("stage")).toBeUndefined();
    expect(parseColumnTarget("custom.")).toBeUndefined();
  });
});

describe("parseColumnOverrides", () => {
  it("splits at the last = so column names may contain one", () => {
    expect(parseColumnOverrides(["Score=1=custom.score", "E-mail (work)=email"])).toEqual([
      { column: "Score=1", target: { kind: "custom", name: "score" } },
      { column: "E-mail (work)", target: { kind: "field", field: "email" } },
    ]);
  });

  it.each([["Email"], ["=email"], ["Email=mail_address"]])("refuses %j naming --map", (flag) => {
    expect(() => parseColumnOverrides([flag])).toThrow(expect.objectContaining({ code: "invalid", field: "--map" }));
  });
});

describe("mapColumns", () => {
  it("matches headers ignoring case and punctuation and keeps unknown columns as custom fields", () => {
    expect(targets(["E-Mail", "FIRST NAME", "utm_campaign", "Favourite colour"])).toEqual({
      "E-Mail": { kind: "field", field: "email" },
      "FIRST NAME": { kind: "field", field: "firstName" },
      utm_campaign: { kind: "field", field: "utmCampaign" },
      "Favourite colour": { kind: "custom", name: "Favourite colour" },
    });
  });

  it("lets overrides win over the preset and custom.<name> headers name their field", () => {
    const overrides = parseColumnOverrides(["lead status=-", "phone number=custom.landline", "mobile phone number=phone"]);
    const mapped = targets(["Email", "Phone Number", "Mobile Phone Number", "Lead Status", "custom.plan"], { preset: "hubspot", overrides });
    expect(mapped).toEqual({
      Email: { kind: "field", field: "email" },
      "Phone Number": { kind: "custom", name: "landline" },
      "Mobile Phone Number": { kind: "field", field: "phone" },
      "Lead Status": { kind: "skip" },
      "custom.plan": { kind: "custom", name: "plan" },
    });
  });

  it("names blank headers by position and keeps repeated custom headers apart", () => {
    expect(targets(["email", "", "Note", "note"])).toEqual({
      email: { kind: "field", field: "email" },
      "column 2": { kind: "custom", name: "column 2" },
      Note: { kind: "custom", name: "Note" },
      note: { kind: "custom", name: "note" },
    });
    expect(targets(["email", "Tag", "Tag"])).toEqual({ email: { kind: "field", field: "email" }, Tag: { kind: "custom", name: "Tag (2)" } });
  });

  it("refuses an override for a column the file does not have", () => {
    expect(() => mapColumns(["email"], { overrides: parseColumnOverrides(["Emial=email"]) })).toThrow(/--map: no column "Emial"/);
  });

  it("refuses a header row with no email or phone column, which is usually a file without a header", () => {
    expect(() => mapColumns(["ana@example.com", "Ana"], { overrides: [] })).toThrow(expect.objectContaining({ field: "header" }));
  });

  it("refuses a custom column name longer than capture accepts", () => {
    expect(() => mapColumns(["email", "x".repeat(101)], { overrides: [] })).toThrow(expect.objectContaining({ field: "header" }));
  });
});

describe("rowToPayload", () => {
  const { columns } = mapColumns(["Email", "Phone Number", "Mobile Phone Number", "Plan", "Record ID"], {
    preset: "hubspot",
    overrides: parseColumnOverrides(["Record ID=-"]),
  });

  it("leaves blank cells out and puts unknown columns under custom", () => {
    expect(rowToPayload(columns, ["ana@example.com", " ", "", "pro", "17"])).toEqual({ email: "ana@example.com", custom: { Plan: "pro" } });
  });

  it("takes the first non-blank column for a field and keeps the others as custom fields", () => {
    expect(rowToPayload(columns, ["", "+1 415 555 0101", "+1 415 555 0199", "", ""])).toEqual({
      phone: "+1 415 555 0101",
      custom: { "Mobile Phone Number": "+1 415 555 0199" },
    });
    expect(rowToPayload(columns, ["", "", "+1 415 555 0199", "", ""])).toEqual({ phone: "+1 415 555 0199" });
  });
});
