import type { Lead } from "../lead/lead.js";
import type { LeadFacts } from "./routing-rule.js";

/** Fields a routing condition can name, besides `custom.<name>`. */
export const ROUTABLE_FIELDS = ["source", "campaign", "channel", "country", "company", "title", "emailDomain", "utmSource", "utmMedium", "utmCampaign"] as const;

/** The values routing conditions test, flattened from a lead. Custom fields appear as `custom.<name>`. */
export function leadFacts(lead: Pick<Lead, "source" | "campaign" | "channel" | "country" | "company" | "title" | "email" | "utm" | "custom">): LeadFacts {
  const facts: LeadFacts = {
    source: lead.source,
    campaign: lead.campaign,
    channel: lead.channel,
    country: lead.country,
    company: lead.company,
    title: lead.title,
    emailDomain: lead.email?.split("@")[1] ?? null,
    utmSource: lead.utm.source,
    utmMedium: lead.utm.medium,
    utmCampaign: lead.utm.campaign,
  };
  for (const [key, value] of Object.entries(lead.custom)) {
    if (typeof value === "string" || typeof value === "number") facts[`custom.${key}`] = value;
  }
  return facts;
}
