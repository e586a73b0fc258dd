import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe-token.js";

const KEY = "workspace-signing-key";
const claim = { address: "ana@acme.test", leadId: "lead_42" };

describe("unsubscribe tokens", () => {
  it("carry the address and lead, in characters a URL path keeps as they are", () => {
    const token = signUnsubscribeToken(KEY, claim);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyUnsubscribeToken(KEY, token)).toEqual(claim);
  });

  it("are refused under another key", () => {
    expect(verifyUnsubscribeToken("another-key", signUnsubscribeToken(KEY, claim))).toBeNull();
  });

  it("are refused when altered, cut short or made up", () => {
    const token = signUnsubscribeToken(KEY, claim);
    const [payload, signature] = token.split(".") as [string, string];
    const otherPayload = Buffer.from(JSON.stringify(["bo@acme.test", "lead_42"])).toString("base64url");
    expect(verifyUnsubscribeToken(KEY, `${otherPayload}.${signature}`)).toBeNull();
    expect(verifyUnsubscribeToken(KEY, `${payload}.${signature.slice(0, -2)}`)).toBeNull();
    expect(verifyUnsubscribeToken(KEY, payload)).toBeNull();
    expect(verifyUnsubscribeToken(KEY, `${token}.x`)).toBeNull();
    expect(verifyUnsubscribeToken(KEY, "")).toBeNull();
  });

  it("refuses a signed payload that is not a claim", () => {
    const payload = Buffer.from(JSON.stringify({ address: "x" })).toString("base64url");
    const forged = signUnsubscribeToken(KEY, claim).replace(/^[^.]+/, payload);
    expect(verifyUnsubscribeToken(KEY, forged)).toBeNull();
  });

  it("round-trip any claim, and any single changed character is refused (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.nat(), (address, leadId, position) => {
        const token = signUnsubscribeToken(KEY, { address, leadId });
        expect(verifyUnsubscribeToken(KEY, token)).toEqual({ address, leadId });
        const i = position % token.length;
        const altered = token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1);
        expect(verifyUnsubscribeToken(KEY, altered)).toBeNull();
      }),
    );
  });
});
