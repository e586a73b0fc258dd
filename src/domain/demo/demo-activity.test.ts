import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_SITE_URL, demoActivityOf } from "./demo-activity.js";
import { type DemoHistory, type DemoLead, generateDemoHistory } from "./generate-demo-history.js";
import { streamFor } from "./seeded-random.js";

const END_AT = Date.UTC(2026, 2, 2, 9, 0);

describe("demoActivityOf", () => {
  let history: DemoHistory;
  let visits: ReturnType<typeof demoActivityOf>[];
  const activity = () => history.leads.map((demoLead, index) => demoActivityOf(demoLead, END_AT, streamFor(7, "activity", index)));
  const isPricing = (event: { data: Record<string, unknown> }) => event.data.url === `${DEMO_SITE_URL}/pricing`;
  /** Share of the leads matching `filter` with at least one visit matching `visit`. */
  const shareVisiting = (filter: (lead: DemoLead) => boolean, visit: (event: { data: Record<string, unknown>; at: number }, lead: DemoLead) => boolean = () => true) => {
    const leads = history.leads.flatMap((lead, index) => (filter(lead) ? [index] : []));
    return leads.filter((index) => visits[index]!.some((event) => visit(event, history.leads[index]!))).length / leads.length;
  };
  beforeAll(() => {
    history = generateDemoHistory({ seed: 7, endAt: END_AT, days: 180, leadsPerDay: 30 });
    visits = activity();
  });

  it("is deterministic for a seed", () => {
    expect(activity()).toEqual(visits);
  });

  it("records page views and guide downloads on the demo site as `activity`, after routing and before the lead closed, oldest first", () => {
    history.leads.forEach(({ lead, plan }, index) => {
      const until = plan.outcome.kind === "open" ? END_AT : plan.outcome.at;
      for (const event of visits[index]!) {
        expect(event).toMatchObject({ leadId: lead.id, type: "activity", actor: "demo", data: { kind: expect.stringMatching(/^(page_view|content)$/), url: expect.stringMatching(`^${DEMO_SITE_URL}/`) } });
        expect(event.at).toBeGreaterThan(plan.assignedAt);
        expect(event.at).toBeLessThan(until);
      }
      const times = visits[index]!.map((event) => event.at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    });
  });

  it("brings a share of the leads back, high intent more than low, and many of them to the pricing page", () => {
    const returning = shareVisiting(() => true);
    expect(returning).toBeGreaterThan(0.2);
    expect(returning).toBeLessThan(0.6);
    expect(shareVisiting((lead) => lead.profile.intent === "high")).toBeGreaterThan(2 * shareVisiting((lead) => lead.profile.intent === "low"));
    expect(shareVisiting(() => true, isPricing)).toBeGreaterThan(0.1);
  });

  it("sends buyers about to sign back to the site in their last days more often than those about to say no", () => {
    const lastDays = (event: { at: number }, lead: DemoLead) => lead.plan.outcome.kind !== "open" && lead.plan.outcome.at - event.at < 4 * 86_400_000;
    const won = shareVisiting((lead) => lead.plan.proposal !== null && lead.plan.outcome.kind === "won", lastDays);
    const lost = shareVisiting((lead) => lead.plan.proposal !== null && lead.plan.outcome.kind === "lost", lastDays);
    expect(won).toBeGreaterThan(lost + 0.2);
  });
});
