import { describe, expect, it } from "vitest";
import { calcomSignature, calendlySignature } from "../../../test/support/scheduling-fixtures.js";
import { CALENDLY_SIGNATURE_TOLERANCE_MS, isValidCalcomSignature, isValidCalendlySignature } from "./booking-signatures.js";

const SECRET = "whk-calcom-7f3a9c";
const BODY = '{"triggerEvent":"BOOKING_CREATED","payload":{"uid":"abc"}}';
const bytes = (text: string) => Buffer.from(text, "utf8");
const NOW = Date.UTC(2026, 2, 2, 9, 0, 0);

describe("Cal.com signature", () => {
  it("accepts the hex HMAC-SHA256 of the exact body, in either letter case", () => {
    expect(isValidCalcomSignature(bytes(BODY), calcomSignature(BODY, SECRET), SECRET)).toBe(true);
    expect(isValidCalcomSignature(bytes(BODY), calcomSignature(BODY, SECRET).toUpperCase(), SECRET)).toBe(true);
  });

  it("refuses a missing or malformed header, another secret, or a changed body", () => {
    expect(isValidCalcomSignature(bytes(BODY), undefined, SECRET)).toBe(false);
    expect(isValidCalcomSignature(bytes(BODY), "sha256=nope", SECRET)).toBe(false);
    expect(isValidCalcomSignature(bytes(BODY), calcomSignature(BODY, "other"), SECRET)).toBe(false);
    expect(isValidCalcomSignature(bytes(BODY.replace("abc", "abd")), calcomSignature(BODY, SECRET), SECRET)).toBe(false);
  });
});

describe("Calendly signature", () => {
  it("accepts v1 = HMAC-SHA256 of `t.body` signed within the tolerance", () => {
    expect(isValidCalendlySignature(bytes(BODY), calendlySignature(BODY, SECRET, NOW), SECRET, NOW)).toBe(true);
    expect(isValidCalendlySignature(bytes(BODY), calendlySignature(BODY, SECRET, NOW - CALENDLY_SIGNATURE_TOLERANCE_MS + 1000), SECRET, NOW)).toBe(true);
  });

  it("refuses a stale timestamp, even with a correct signature", () => {
    expect(isValidCalendlySignature(bytes(BODY), calendlySignature(BODY, SECRET, NOW - CALENDLY_SIGNATURE_TOLERANCE_MS - 1000), SECRET, NOW)).toBe(false);
  });

  it("refuses a signature whose timestamp was changed after signing", () => {
    const signed = calendlySignature(BODY, SECRET, NOW - 60_000);
    const moved = signed.replace(/^t=\d+/, `t=${Math.floor(NOW / 1000)}`);
    expect(isValidCalendlySignature(bytes(BODY), moved, SECRET, NOW)).toBe(false);
  });

  it("refuses malformed headers", () => {
    for (const header of [undefined, "", "t=abc,v1=00", `v1=${"0".repeat(64)}`, `t=${Math.floor(NOW / 1000)}`, "garbage"]) {
      expect(isValidCalendlySignature(bytes(BODY), header, SECRET, NOW)).toBe(false);
    }
  });
});
