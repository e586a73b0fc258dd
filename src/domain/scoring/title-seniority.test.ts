import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { titleSeniority } from "./title-seniority.js";

describe("titleSeniority", () => {
  it.each([
    ["CEO", "executive"],
    ["Chief Revenue Officer", "executive"],
    ["Co-Founder", "executive"],
    ["Founder & CEO", "executive"],
    ["Owner", "executive"],
    ["Senior Vice President, Sales", "executive"],
    ["VP of Marketing", "executive"],
    ["Managing Partner", "executive"],
    ["Managing Director", "executive"],
    ["Head of Sales", "director"],
    ["Director, Operations", "director"],
    ["Sales Director EMEA", "director"],
    ["Head of Sales and Marketing", "director"],
    ["Marketing Manager", "manager"],
    ["Sr. Mgr, IT", "manager"],
    ["Team Lead", "manager"],
    ["Partner Manager", "manager"],
    ["Manager of Partner Programs", "manager"],
    ["Assistant Manager", "manager"],
    ["Software Engineer", "individual"],
    ["Account Executive", "individual"],
    ["Executive Assistant", "individual"],
    ["Assistant to the CEO", "individual"],
    ["CEO Assistant", "individual"],
    ["Product Owner", "individual"],
    ["Lead Generation Specialist", "individual"],
    ["Marketing intern", "individual"],
    ["Student", "individual"],
  ])("classifies %s as %s", (title, seniority) => {
    expect(titleSeniority(title)).toBe(seniority);
  });

  it.each([[null], [""], ["   "], ["-- / --"], ["42"]])("has no seniority for %j", (title) => {
    expect(titleSeniority(title)).toBe("unknown");
  });

  it("ignores case and surrounding space", () => {
    fc.assert(
      fc.property(fc.constantFrom("CEO", "Head of Sales", "Marketing Manager", "Engineer"), fc.boolean(), fc.nat(3), (title, isUpper, pad) => {
        const variant = " ".repeat(pad) + (isUpper ? title.toUpperCase() : title.toLowerCase()) + " ".repeat(pad);
        expect(titleSeniority(variant)).toBe(titleSeniority(title));
      }),
    );
  });
});
