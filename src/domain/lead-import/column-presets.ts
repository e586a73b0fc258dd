import { type ColumnTarget, headerKey, PAYLOAD_FIELDS, parseColumnTarget, SKIP_TARGET } from "./column-target.js";
import { EXPORT_STATE_COLUMNS } from "./export-columns.js";

/** Known export formats; `closeloop` is our own `closeloop export`. */
export const PRESET_NAMES = ["hubspot", "salesforce", "pipedrive", "closeloop", "generic"] as const;

export type PresetName = (typeof PRESET_NAMES)[number];

/** A preset: header as the tool writes it → target as `--map` writes it. */
type PresetTable = Record<string, string>;

/** Common spellings any file may use, on top of the payload names themselves (`email`, `utm_source`…). */
const GENERIC_ALIASES: PresetTable = {
  "Email Address": "email",
  "E-mail Address": "email",
  "Phone Number": "phone",
  Mobile: "phone",
  Telephone: "phone",
  "Full Name": "name",
  "Given Name": "firstName",
  Surname: "lastName",
  "Family Name": "lastName",
  "Company Name": "company",
  Organization: "company",
  Organisation: "company",
  "Job Title": "title",
  Position: "title",
  Notes: "message",
  Comments: "message",
};

/** Headers of HubSpot's contact export (Contacts → Export, default properties). */
const HUBSPOT: PresetTable = {
  "Record ID": "custom.hubspotRecordId",
  "First Name": "firstName",
  "Last Name": "lastName",
  Email: "email",
  "Phone Number": "phone",
  "Mobile Phone Number": "phone",
  "Company Name": "company",
  "Job Title": "title",
  "Country/Region": "country",
  "Original Source": "source",
  "Lead Status": "custom.leadStatus",
  "Lifecycle Stage": "custom.lifecycleStage",
  Message: "message",
};

/** Headers of a Salesforce lead report ("Leads" report type). */
const SALESFORCE: PresetTable = {
  "Lead ID": "custom.salesforceLeadId",
  Name: "name",
  "First Name": "firstName",
  "Last Name": "lastName",
  Email: "email",
  Phone: "phone",
  Mobile: "phone",
  Company: "company",
  "Company / Account": "company",
  Title: "title",
  Country: "country",
  "Lead Source": "source",
  Campaign: "campaign",
  "Campaign Name": "campaign",
  "Lead Status": "custom.leadStatus",
  Description: "message",
};

/** Headers of Pipedrive's person export and (with the `Person - ` prefix) its lead export. */
const PIPEDRIVE: PresetTable = {
  ...withPipedrivePersonPrefix({
    Name: "name",
    "First name": "firstName",
    "Last name": "lastName",
    "Email - Work": "email",
    "Email - Home": "email",
    "Email - Other": "email",
    "Phone - Work": "phone",
    "Phone - Mobile": "phone",
    "Phone - Home": "phone",
    "Phone - Other": "phone",
    "Job title": "title",
  }),
  Organization: "company",
  "Organization - Name": "company",
  // In a lead export "Title" is the lead's own title (often the deal name), not a job title.
  Title: "custom.leadTitle",
  "Source origin": "source",
  "Source channel": "channel",
};

function withPipedrivePersonPrefix(table: PresetTable): PresetTable {
  return Object.fromEntries(Object.entries(table).flatMap(([header, target]) => [[header, target], [`Person - ${header}`, target]]));
}

/** `closeloop export`: payload-named columns map generically; the lead's state columns are skipped. */
const CLOSELOOP: PresetTable = Object.fromEntries(EXPORT_STATE_COLUMNS.map((column) => [column, SKIP_TARGET]));

function compile(table: PresetTable): ReadonlyMap<string, ColumnTarget> {
  return new Map(
    Object.entries(table).map(([header, target]) => {
      const parsed = parseColumnTarget(target);
      if (!parsed) throw new Error(`preset target "${target}" for "${header}" is not a column target`);
      return [headerKey(header), parsed];
    }),
  );
}

const GENERIC_TABLE = compile({ ...Object.fromEntries(PAYLOAD_FIELDS.map((field) => [field, field])), ...GENERIC_ALIASES });

const PRESET_TABLES: Record<Exclude<PresetName, "generic">, ReadonlyMap<string, ColumnTarget>> = {
  hubspot: compile(HUBSPOT),
  salesforce: compile(SALESFORCE),
  pipedrive: compile(PIPEDRIVE),
  closeloop: compile(CLOSELOOP),
};

/** The target a preset gives a header key, falling back to the generic names every file may use. */
export function presetTarget(preset: PresetName, key: string): ColumnTarget | undefined {
  return (preset === "generic" ? undefined : PRESET_TABLES[preset].get(key)) ?? GENERIC_TABLE.get(key);
}

/**
 * Headers a preset must recognise beyond the generic names before it is chosen. One is not
 * enough: a plain file with an `id` or `Title` column would otherwise pass for an export.
 */
const MIN_DISTINCTIVE_HEADERS = 2;

/**
 * Picks the preset whose own headers (those the generic names do not cover) appear most in the
 * file; `generic` when none reaches two or two presets tie.
 */
export function detectPreset(headers: string[]): PresetName {
  const keys = headers.map(headerKey).filter((key) => !GENERIC_TABLE.has(key));
  const scores = Object.entries(PRESET_TABLES)
    .map(([name, table]) => ({ name: name as PresetName, score: keys.filter((key) => table.has(key)).length }))
    .sort((a, b) => b.score - a.score);
  const [best, runnerUp] = scores;
  if (!best || best.score < MIN_DISTINCTIVE_HEADERS || best.score === runnerUp?.score) return "generic";
  return best.name;
}
