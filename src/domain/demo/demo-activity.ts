import type { NewLeadEvent } from "../lead/lead-event.js";
import type { IntentLevel } from "./demo-lead-profile.js";
import { DEMO_ACTOR } from "./demo-pipeline.js";
import type { DemoLead } from "./generate-demo-history.js";
import type { SeededRandom } from "./seeded-random.js";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../time.js";

/** The demo company's website, which the activity snippet reports from. */
export const DEMO_SITE_URL = "https://www.brightwave.example";

type SitePage = { path: string; title: string; kind: "page_view" | "content" };

const PRICING: SitePage = { path: "/pricing", title: "Pricing", kind: "page_view" };

/** What a returning lead reads besides the pricing page; the guide is a download (content). */
const PAGES: readonly SitePage[] = [
  { path: "/product/routing", title: "Lead routing", kind: "page_view" },
  { path: "/product/sequences", title: "Follow-up sequences", kind: "page_view" },
  { path: "/customers", title: "Customer stories", kind: "page_view" },
  { path: "/integrations", title: "Integrations", kind: "page_view" },
  { path: "/blog/speed-to-lead", title: "Why the first five minutes decide a lead", kind: "page_view" },
  { path: "/guides/speed-to-lead.pdf", title: "The speed-to-lead guide", kind: "content" },
];

/** Share of leads that come back to the website after leaving their details, by the intent of their action. */
const RETURN_SHARE: Record<IntentLevel, number> = { high: 0.5, medium: 0.3, low: 0.12 };

/** A lead being qualified is evaluating: more of them come back. */
const QUALIFIED_RETURN_BONUS = 0.25;

/** Of those who come back, the share that looks at pricing, by intent. */
const PRICING_SHARE: Record<IntentLevel, number> = { high: 0.55, medium: 0.3, low: 0.1 };

/** Share of leads sent a proposal who check the pricing page in the two days before it. */
const PRICING_BEFORE_PROPOSAL_SHARE = 0.6;

/** Share of leads sent a proposal who look again (pricing, integrations) in the days before they decide, by the decision. */
const FINAL_CHECK_SHARE = { won: 0.65, lost: 0.25 };

const INTEGRATIONS = PAGES.find((page) => page.path === "/integrations")!;

/** Visits come in the days after capture: exponential gaps with this mean. */
const MEAN_DAYS_TO_VISIT = 4;

/**
 * What a demo lead did on the website after its capture, as the activity snippet records it:
 * `activity` events (page views, a guide download), all before the lead closed and before the
 * end of the history. Leads with a higher-intent action and leads being qualified come back
 * more, and more of them look at pricing; most leads sent a proposal check the pricing page
 * just before it, and buyers about to sign look again more often than those about to say no.
 * Oldest first.
 */
export function demoActivityOf({ lead, profile, plan }: DemoLead, endAt: number, random: SeededRandom): NewLeadEvent[] {
  const until = plan.outcome.kind === "open" ? endAt : plan.outcome.at;
  const from = plan.assignedAt + 10 * MINUTE_MS;
  const visits: { at: number; page: SitePage }[] = [];
  const isQualified = plan.stageChanges.some((change) => change.stage === "qualified");
  if (random.chance(RETURN_SHARE[profile.intent] + (isQualified ? QUALIFIED_RETURN_BONUS : 0))) {
    let at = from;
    const count = 1 + random.poisson(1.5);
    for (let visit = 0; visit < count; visit++) {
      at += -Math.log(1 - random.next()) * MEAN_DAYS_TO_VISIT * DAY_MS;
      visits.push({ at, page: visit === 0 && random.chance(PRICING_SHARE[profile.intent]) ? PRICING : random.pick(PAGES) });
    }
  }
  if (plan.proposal && random.chance(PRICING_BEFORE_PROPOSAL_SHARE)) visits.push({ at: plan.proposal.at - random.between(2, 48) * HOUR_MS, page: PRICING });
  const decision = plan.outcome.kind === "won" || plan.outcome.kind === "lost" ? plan.outcome : null;
  if (plan.proposal && decision && random.chance(FINAL_CHECK_SHARE[decision.kind])) {
    visits.push({ at: decision.at - random.between(1, 4) * DAY_MS, page: random.pick([PRICING, INTEGRATIONS]) });
  }
  return visits
    .map(({ at, page }) => ({ at: Math.round(at), page }))
    .filter(({ at }) => at >= from && at < until)
    .sort((a, b) => a.at - b.at)
    .map(({ at, page }) => ({ leadId: lead.id, type: "activity", actor: DEMO_ACTOR, at, data: { kind: page.kind, url: `${DEMO_SITE_URL}${page.path}`, title: page.title } }));
}
