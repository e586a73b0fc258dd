import type { Territory } from "./demo-team.js";
import type { SeededRandom } from "./seeded-random.js";

/** Which name list a country's leads draw from. */
export type NameGroup = "english" | "german" | "french" | "spanish" | "dutch" | "swedish";

/** A country leads come from: its share, zones, territory, names and phone numbering. */
export type DemoCountry = {
  /** ISO 3166 alpha-2, stored in `lead.country`. */
  code: string;
  share: number;
  timeZones: readonly { zone: string; share: number }[];
  territory: Territory;
  names: NameGroup;
  /** Legal-form suffix some company names carry ("GmbH"). */
  legalSuffix: string;
  /** A mobile number in E.164. */
  phone(random: SeededRandom): string;
};

const digits = (random: SeededRandom, count: number): string => {
  let text = "";
  for (let i = 0; i < count; i++) text += String(random.int(0, 9));
  return text;
};

/**
 * North American number: a real area code, an exchange in 200–999 and four digits.
 * (Exchanges starting with 0 or 1 do not exist, so libphonenumber would reject them.)
 */
const northAmerican = (areaCodes: readonly string[]) => (random: SeededRandom) =>
  `+1${random.pick(areaCodes)}${random.int(200, 999)}${digits(random, 4)}`;

/** Mobile number from a prefix list; the prefixes were checked with libphonenumber-js (GB 76x are pagers, 7624 the Isle of Man). */
const mobile = (countryCode: string, prefixes: readonly string[], restDigits: number) => (random: SeededRandom) =>
  `+${countryCode}${random.pick(prefixes)}${digits(random, restDigits)}`;

/**
 * Countries by share of leads: 57% Americas and APAC (four reps), 43% EMEA (three reps), so
 * each rep gets about one seventh of the leads.
 */
export const DEMO_COUNTRIES: readonly DemoCountry[] = [
  {
    code: "US", share: 0.42, territory: "americas_apac", names: "english", legalSuffix: "Inc.",
    timeZones: [{ zone: "America/New_York", share: 0.45 }, { zone: "America/Chicago", share: 0.3 }, { zone: "America/Denver", share: 0.07 }, { zone: "America/Los_Angeles", share: 0.18 }],
    phone: northAmerican(["212", "646", "415", "312", "617", "512", "206", "303", "404", "213", "305", "773"]),
  },
  { code: "CA", share: 0.06, territory: "americas_apac", names: "english", legalSuffix: "Inc.", timeZones: [{ zone: "America/Toronto", share: 0.65 }, { zone: "America/Vancouver", share: 0.35 }], phone: northAmerican(["416", "647", "604", "514", "403"]) },
  { code: "AU", share: 0.09, territory: "americas_apac", names: "english", legalSuffix: "Pty Ltd", timeZones: [{ zone: "Australia/Sydney", share: 0.75 }, { zone: "Australia/Brisbane", share: 0.25 }], phone: mobile("61", ["40", "41", "42", "43"], 7) },
  { code: "GB", share: 0.12, territory: "emea", names: "english", legalSuffix: "Ltd", timeZones: [{ zone: "Europe/London", share: 1 }], phone: mobile("44", ["740", "741", "742", "743", "747", "748", "749", "771", "772", "773", "775", "777"], 7) },
  { code: "DE", share: 0.09, territory: "emea", names: "german", legalSuffix: "GmbH", timeZones: [{ zone: "Europe/Berlin", share: 1 }], phone: mobile("49", ["151", "152", "157", "160", "170", "171", "172", "175", "176", "179"], 8) },
  { code: "FR", share: 0.07, territory: "emea", names: "french", legalSuffix: "SAS", timeZones: [{ zone: "Europe/Paris", share: 1 }], phone: mobile("33", ["61", "62", "64", "65", "66", "67", "68"], 7) },
  { code: "NL", share: 0.05, territory: "emea", names: "dutch", legalSuffix: "B.V.", timeZones: [{ zone: "Europe/Amsterdam", share: 1 }], phone: mobile("31", ["61", "62", "63", "64", "65"], 7) },
  { code: "ES", share: 0.04, territory: "emea", names: "spanish", legalSuffix: "S.L.", timeZones: [{ zone: "Europe/Madrid", share: 1 }], phone: mobile("34", ["6"], 8) },
  { code: "IE", share: 0.03, territory: "emea", names: "english", legalSuffix: "Ltd", timeZones: [{ zone: "Europe/Dublin", share: 1 }], phone: mobile("353", ["83", "85", "86", "87", "89"], 7) },
  { code: "SE", share: 0.03, territory: "emea", names: "swedish", legalSuffix: "AB", timeZones: [{ zone: "Europe/Stockholm", share: 1 }], phone: mobile("46", ["70", "72", "73", "76"], 7) },
];
