import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { refusedField } from "../../../test/support/domain-failure.js";
import { CUSTOM_FIELDS_MAX_BYTES } from "./lead-limits.js";
import { normalizeLeadInput } from "./normalize-lead-input.js";

const normalize = (raw: Record<string, unknown>) => normalizeLeadInput(raw, { defaultPhoneRegion: "US" });

const fieldOfError = (raw: Record<string, unknown>) => refusedField(() => normalize(raw));

describe("normalizeLeadInput", () => {
  it("trims and lower-cases the email and derives match keys from it and the phone", () => {
    const input = normalize({ email: "  Jo@Example.COM ", phone: "+44 20 7946 0958" });
    expect(input.fields.email).toBe("jo@example.com");
    expect(input.fields.phone).toBe("+442079460958");
    expect(input.matchKeys).toEqual(["email:jo@example.com", "phone:+442079460958"]);
  });

  it("writes the same number the same way whatever its formatting", () => {
    const formats = ["(415) 555-0100", "415.555.0100", "+1 415 555 0100", "1-415-555-0100", 4155550100];
    expect(new Set(formats.map((phone) => normalize({ phone }).fields.phone))).toEqual(new Set(["+14155550100"]));
  });

  it("reads a local number in the lead's own country before the default region", () => {
    expect(normalize({ phone: "030 901820", country: "DE" }).fields.phone).toBe("+4930901820");
  });

  it("splits a full name and collapses inner whitespace", () => {
    expect(normalize({ email: "a@b.co", name: "  Mary   Ann  Lee " }).fields).toMatchObject({ firstName: "Mary", lastName: "Ann Lee" });
    expect(normalize({ email: "a@b.co", name: "Cher" }).fields).toMatchObject({ firstName: "Cher", lastName: null });
  });

  it("takes source and campaign from UTM tags when not given", () => {
    expect(normalize({ email: "a@b.co", utmSource: "google", utmCampaign: "brand" }).fields).toMatchObject({ source: "google", campaign: "brand" });
  });

  it("keeps unknown fields as custom fields, merged with an explicit custom object", () => {
    expect(normalize({ email: "a@b.co", plan: "pro", seats: 12, custom: { region: "emea" } }).custom).toEqual({ region: "emea", plan: "pro", seats: 12 });
  });

  it.each([
    [{}, "email"],
    [{ email: "", phone: " " }, "email"],
    [{ email: "no-at-sign" }, "email"],
    [{ email: "two@@example.com" }, "email"],
    [{ phone: "12" }, "phone"],
    [{ phone: "call me" }, "phone"],
    [{ email: "a@b.co", company: "x".repeat(201) }, "company"],
    [{ email: "a@b.co", firstName: { nested: true } }, "firstName"],
    [{ email: "a@b.co", custom: [1, 2] }, "custom"],
    [{ email: "a@b.co", notes: "x".repeat(CUSTOM_FIELDS_MAX_BYTES) }, "custom"],
  ])("refuses %j naming the field %s", (raw, field) => {
    expect(fieldOfError(raw)).toBe(field);
  });

  it("either normalises or names a field, for any input", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("email", "phone", "name", "company", "country", "custom", "x"), fc.anything()), (raw) => {
        const field = fieldOfError(raw);
        if (field !== undefined) expect(field.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});
