import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { parseReturnDate } from "./return-date.js";

/** Received Monday 23 November 2026, 10:00 in Berlin. */
const BERLIN = "Europe/Berlin";
const RECEIVED_AT = DateTime.fromISO("2026-11-23T10:00", { zone: BERLIN }).toMillis();

const dayStart = (iso: string, zone = BERLIN) => DateTime.fromISO(iso, { zone }).startOf("day").toMillis();

describe("parseReturnDate", () => {
  it.each([
    ["I am out of the office and back on 14 December.", "2026-12-14"],
    ["I will return on Monday, 7 December 2026.", "2026-12-07"],
    ["Out of office until 12/14, limited access to email.", "2026-12-15"],
    ["Back in the office 2026-12-14.", "2026-12-14"],
    ["Ich bin bis zum 14.12. nicht im Büro.", "2026-12-15"],
    ["Ab dem 14.12.2026 bin ich wieder erreichbar.", "2026-12-14"],
    ["Ich bin ab 7. Dezember wieder im Büro.", "2026-12-07"],
    ["Je suis absent, de retour le 14 décembre.", "2026-12-14"],
    ["Je suis absente jusqu’au 14/12.", "2026-12-15"],
    ["Estoy fuera de la oficina hasta el 14 de diciembre de 2026.", "2026-12-15"],
    ["Away from 30 November to 11 December.", "2026-12-12"],
    ["I'm on holiday, back December 3rd.", "2026-12-03"],
    ["Back on Jan 4th.", "2027-01-04"],
    ["Returning on Monday.", "2026-11-30"],
  ])("reads %j", (text, day) => {
    expect(parseReturnDate(text, RECEIVED_AT, BERLIN)).toBe(dayStart(day));
  });

  it("takes the latest date a message states", () => {
    expect(parseReturnDate("Away from 1 December until 14 December; back on 16 December.", RECEIVED_AT, BERLIN)).toBe(dayStart("2026-12-16"));
  });

  it("reads only the start of a huge text, quickly and without overflowing the stack", () => {
    const text = `Back on 14 December. ${"until 12/14 ".repeat(200_000)}`;
    const startedAt = performance.now();
    expect(parseReturnDate(text, RECEIVED_AT, BERLIN)).toBe(dayStart("2026-12-15"));
    expect(performance.now() - startedAt).toBeLessThan(2_000);
    expect(parseReturnDate(`${"x".repeat(20_000)} back on 14 December`, RECEIVED_AT, BERLIN)).toBeNull();
  });

  it("counts the day in the given zone", () => {
    const tokyo = "Asia/Tokyo";
    expect(parseReturnDate("back on 14 December", RECEIVED_AT, tokyo)).toBe(dayStart("2026-12-14", tokyo));
  });

  it.each([
    ["no date at all", "I am out of the office with limited access to email."],
    ["a date that is not a return", "Your message of 20 November was received."],
    ["a date in the past", "Back on 2025-01-05."],
    ["a date more than a year ahead", "Back on 2028-06-01."],
    ["an impossible date", "Back on 31/02/2027."],
  ])("is null for %s", (_case, text) => {
    expect(parseReturnDate(text, RECEIVED_AT, BERLIN)).toBeNull();
  });

  it("never throws; a date it reads is the start of a day after receipt and at most a year ahead", () => {
    const statedDate = fc
      .tuple(
        fc.constantFrom("back on ", "until ", "bis zum ", "ab ", "de retour le ", "hasta el ", "jusqu'au ", "from 1 May to "),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom(".", ". Dezember", " December", "/12", "/13", " de marzo", ".3.", "th of June"),
        fc.constantFrom("", " 2026", "/2027", " 1999", ", 2031"),
      )
      .map((parts) => parts.join(""));
    const zones = fc.constantFrom("UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Pacific/Chatham");
    fc.assert(
      fc.property(fc.oneof(fc.string(), statedDate), fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), zones, (text, receivedAt, zone) => {
        const returnsAt = parseReturnDate(text, receivedAt, zone);
        if (returnsAt === null) return;
        expect(returnsAt).toBeGreaterThan(receivedAt);
        expect(returnsAt).toBeLessThanOrEqual(receivedAt + 367 * 24 * 3_600_000);
        expect(DateTime.fromMillis(returnsAt, { zone }).startOf("day").toMillis()).toBe(returnsAt);
      }),
      { numRuns: 2000 },
    );
  });
});
