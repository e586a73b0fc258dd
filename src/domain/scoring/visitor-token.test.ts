import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signUnsubscribeToken } from "../sequences/unsubscribe-token.js";
import { signVisitorToken, verifyVisitorToken, VISITOR_PARAM, withVisitorToken } from "./visitor-token.js";

const KEY = "workspace-signing-key";

describe("visitor tokens", () => {
  it("name their lead and carry a 128-bit mac, in characters a query string keeps as they are", () => {
    const token = signVisitorToken(KEY, "lead_42");
    expect(token).toMatch(/^lead_42\.[A-Za-z0-9_-]{22}$/);
    expect(verifyVisitorToken(KEY, token)).toBe("lead_42");
  });

  it("are refused under another key, or for another lead", () => {
    const token = signVisitorToken(KEY, "lead_42");
    expect(verifyVisitorToken("another-key", token)).toBeNull();
    const mac = token.split(".")[1]!;
    expect(verifyVisitorToken(KEY, `lead_43.${mac}`)).toBeNull();
  });

  it("are refused when malformed: no dot, no lead, no mac, cut short, empty", () => {
    const token = signVisitorToken(KEY, "lead_42");
    for (const malformed of ["", ".", "lead_42", "lead_42.", `.${token.split(".")[1]}`, token.slice(0, -1), `${token}x`, `${token}.x`]) {
      expect(verifyVisitorToken(KEY, malformed), malformed).toBeNull();
    }
  });

  it("are not interchangeable with unsubscribe tokens signed with the same key", () => {
    const unsubscribe = signUnsubscribeToken(KEY, { address: "ana@acme.test", leadId: "lead_42" });
    expect(verifyVisitorToken(KEY, unsubscribe)).toBeNull();
  });

  it("round-trip any lead id, and any single changed character is refused (property)", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.nat(), (leadId, position) => {
        const token = signVisitorToken(KEY, leadId);
        expect(verifyVisitorToken(KEY, token)).toBe(leadId);
        const i = position % token.length;
        const altered = token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1);
        expect(verifyVisitorToken(KEY, altered)).toBeNull();
      }),
    );
  });
});

describe("withVisitorToken", () => {
  it("adds the token to the thank-you URL's query, keeping its own parameters and fragment", () => {
    expect(withVisitorToken("https://example.com/thanks", "lead_1.abc")).toBe(`https://example.com/thanks?${VISITOR_PARAM}=lead_1.abc`);
    expect(withVisitorToken("https://example.com/thanks?plan=pro#top", "lead_1.abc")).toBe("https://example.com/thanks?plan=pro&cl_visitor=lead_1.abc#top");
  });

  it("replaces a token already in the URL", () => {
    expect(withVisitorToken("https://example.com/thanks?cl_visitor=old", "lead_1.abc")).toBe("https://example.com/thanks?cl_visitor=lead_1.abc");
  });
});
