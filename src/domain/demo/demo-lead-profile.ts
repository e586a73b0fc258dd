/** How senior the person who filled the form is (from their title). */
export type Seniority = "executive" | "vp" | "director" | "manager" | "individual" | "student";

export const SENIORITIES: readonly Seniority[] = ["executive", "vp", "director", "manager", "individual", "student"];

/** Employee-count band of the lead's company, as forms usually ask it. */
export type CompanySize = "1-10" | "11-50" | "51-200" | "201-1000" | "1000+";

export const COMPANY_SIZES: readonly CompanySize[] = ["1-10", "11-50", "51-200", "201-1000", "1000+"];

export type Industry =
  | "Software"
  | "Professional services"
  | "Financial services"
  | "Healthcare"
  | "Logistics"
  | "Manufacturing"
  | "Real estate"
  | "Retail"
  | "Education";

/** How ready to buy the lead's own action says they are (a demo request is high, a guide download low). */
export type IntentLevel = "high" | "medium" | "low";

/**
 * The hidden truth about a demo lead that the generator used to decide its history. Later
 * capabilities read it to check what they infer (scoring should find seniority and company size).
 */
export type DemoLeadProfile = {
  sourceName: string;
  campaignName: string;
  intent: IntentLevel;
  seniority: Seniority;
  companySize: CompanySize;
  /** Null for students and job seekers, who come without a company. */
  industry: Industry | null;
  /** Where the lead lives: sequences (issue #5) send inside this zone's business hours. */
  timeZone: string;
  hasPhone: boolean;
};
