import { MINUTE_MS } from "../time.js";
import type { Lead } from "../lead/lead.js";
import type { FeatureRecord } from "./model/feature-values.js";
import { titleSeniority } from "./title-seniority.js";

/**
 * Free mailbox providers: a lead writing from one of these gave a personal address, not a work
 * one. The providers with the most business sign-ups; a rarer one counts as a company domain.
 */
const PERSONAL_EMAIL_DOMAINS: ReadonlySet<string> = new Set([
  "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "ymail.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr",
  "outlook.com", "live.com", "msn.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.com",
  "gmx.de", "gmx.net", "web.de", "mail.com", "yandex.ru", "yandex.com", "mail.ru", "qq.com", "163.com", "126.com", "free.fr",
  "orange.fr", "laposte.net", "t-online.de", "libero.it", "comcast.net", "att.net", "verizon.net", "btinternet.com", "fastmail.com",
]);

/** Whether an email address is at a free mailbox provider (personal) rather than a company's domain; null without one. */
export function isPersonalEmail(email: string | null): boolean | null {
  const domain = email?.split("@")[1]?.trim().toLowerCase();
  return domain ? PERSONAL_EMAIL_DOMAINS.has(domain) : null;
}

/** How much happened on a lead before it closed (or so far, while open). */
export type LeadEngagement = { touches: number; replies: number; meetingsBooked: number; pageViews: number };

/**
 * What the model may know about a lead: who it is, what it answered and how it was worked —
 * never its stage or outcome. For a closed lead, only what happened before it closed.
 */
export type LeadModelFacts = {
  lead: Pick<Lead, "source" | "campaign" | "channel" | "country" | "title" | "email" | "custom" | "createdAt">;
  answers: readonly { criterion: string; answer: string }[];
  /** The first response (before the lead closed); null when nobody answered. */
  firstResponseAt: number | null;
  engagement: LeadEngagement;
};

/**
 * The lead as a model record. Columns: `source`, `campaign`, `channel`, `country`,
 * `titleSeniority`, `personalAddress` (free mailbox or not), `custom.<key>` for each text,
 * number or yes/no custom field, `qualification.<criterion>` (yes / no / unknown),
 * `minutesToFirstResponse` (null when none), `touches`, `replies`, `meetingsBooked`, `pageViews`.
 */
export function leadModelRecord(facts: LeadModelFacts): FeatureRecord {
  const { lead, engagement } = facts;
  const record: FeatureRecord = {
    source: lead.source,
    campaign: lead.campaign,
    channel: lead.channel,
    country: lead.country,
    titleSeniority: titleSeniority(lead.title),
    // Not "email…": the model skips columns named like contact details.
    personalAddress: isPersonalEmail(lead.email),
  };
  for (const [key, value] of Object.entries(lead.custom)) {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") record[`custom.${key}`] = value;
  }
  for (const { criterion, answer } of facts.answers) record[`qualification.${criterion}`] = answer;
  record.minutesToFirstResponse = facts.firstResponseAt === null ? null : Math.max(0, (facts.firstResponseAt - lead.createdAt) / MINUTE_MS);
  record.touches = engagement.touches;
  record.replies = engagement.replies;
  record.meetingsBooked = engagement.meetingsBooked;
  record.pageViews = engagement.pageViews;
  return record;
}
