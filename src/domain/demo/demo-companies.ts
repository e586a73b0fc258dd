import type { DemoCountry } from "./demo-countries.js";
import type { CompanySize, Industry } from "./demo-lead-profile.js";
import { streamFor } from "./seeded-random.js";

/** A company leads work at. Several leads may come from the same one, as in real pipelines. */
export type DemoCompany = { name: string; domain: string; industry: Industry };

/** Industries by share of companies, with the words their names end in. */
const INDUSTRIES: readonly { industry: Industry; share: number; words: readonly string[] }[] = [
  { industry: "Software", share: 0.28, words: ["Software", "Labs", "Cloud", "Systems", "Analytics", "Technologies"] },
  { industry: "Professional services", share: 0.14, words: ["Consulting", "Partners", "Advisory"] },
  { industry: "Financial services", share: 0.12, words: ["Capital", "Financial", "Insurance"] },
  { industry: "Healthcare", share: 0.1, words: ["Health", "Clinics", "Medical"] },
  { industry: "Logistics", share: 0.1, words: ["Logistics", "Freight", "Supply"] },
  { industry: "Manufacturing", share: 0.1, words: ["Manufacturing", "Industries", "Components"] },
  { industry: "Real estate", share: 0.06, words: ["Properties", "Realty"] },
  { industry: "Retail", share: 0.06, words: ["Retail", "Goods", "Outfitters"] },
  { industry: "Education", share: 0.04, words: ["Learning", "Academy"] },
];

const NAME_STEMS = [
  "Northwind", "Bluepeak", "Harborline", "Brightwell", "Clearwater", "Ironbridge", "Redwood", "Silverline", "Summit", "Keystone",
  "Lighthouse", "Oakridge", "Pinecrest", "Riverbend", "Stonegate", "Sunrise", "Tidewater", "Westfield", "Granite", "Evergreen",
  "Copperleaf", "Fairview", "Highland", "Lakeside", "Meridian", "Northstar", "Orchard", "Pioneer", "Sterling", "Trident",
  "Vantage", "Zenith", "Atlas", "Beacon", "Cobalt", "Driftwood", "Ember", "Falcon", "Horizon", "Juniper",
  "Kestrel", "Lumen", "Mosaic", "Nimbus", "Onyx", "Polaris", "Sequoia", "Alder", "Bramble", "Cascade",
] as const;

/**
 * How many distinct companies each (country, size band) offers. 30 keeps repeat leads from one
 * company common among large firms in small countries and rare elsewhere, as in real inbound.
 */
export const COMPANIES_PER_BAND = 30;

/** The company with this number in its (country, size) band: the same inputs always give the same company. */
export function demoCompanyFor(seed: number, country: DemoCountry, size: CompanySize, number: number): DemoCompany {
  const random = streamFor(seed, "company", country.code, size, number);
  const { industry, words } = random.pickWeighted(INDUSTRIES, (i) => i.share);
  const stem = random.pick(NAME_STEMS);
  const word = random.pick(words);
  const hasLegalSuffix = random.chance(0.4);
  return {
    name: hasLegalSuffix ? `${stem} ${word} ${country.legalSuffix}` : `${stem} ${word}`,
    // `.example` is reserved (RFC 2606): demo leads can be emailed by sequences without reaching anyone.
    domain: `${stem}${word}${country.code === "US" ? "" : `-${country.code}`}.example`.toLowerCase(),
    industry,
  };
}
