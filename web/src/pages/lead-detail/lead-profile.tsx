import type { Lead } from "../../api/leads.js";
import { type Fact, FactList } from "../../components/fact-list.js";

/** Who the lead is and how to reach them. */
export function LeadIdentity({ lead }: { lead: Lead }) {
  const facts: Fact[] = [
    { label: "Email", value: lead.email && <a href={`mailto:${lead.email}`}>{lead.email}</a> },
    { label: "Phone", value: lead.phone && <a href={`tel:${lead.phone}`}>{lead.phone}</a> },
    { label: "Company", value: lead.company },
    { label: "Title", value: lead.title },
    { label: "Country", value: lead.country },
  ];
  return <FactList facts={facts} />;
}

/** Where the lead came from: source, campaign, channel and the UTM tags. */
export function LeadAttribution({ lead }: { lead: Lead }) {
  const facts: Fact[] = [
    { label: "Source", value: lead.source },
    { label: "Campaign", value: lead.campaign },
    { label: "Channel", value: lead.channel },
    { label: "UTM source", value: lead.utm.source },
    { label: "UTM medium", value: lead.utm.medium },
    { label: "UTM campaign", value: lead.utm.campaign },
    { label: "UTM term", value: lead.utm.term },
    { label: "UTM content", value: lead.utm.content },
  ];
  return <FactList facts={facts} />;
}

/** Fields the workspace sends that Closeloop has no column for, as they arrived. */
export function LeadCustomFields({ custom }: { custom: Lead["custom"] }) {
  const entries = Object.entries(custom);
  if (entries.length === 0) return <p className="muted">None.</p>;
  return <FactList facts={entries.map(([label, value]) => ({ label, value: typeof value === "string" ? value : JSON.stringify(value) }))} />;
}
