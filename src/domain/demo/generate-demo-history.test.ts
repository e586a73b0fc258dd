import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { beforeAll, describe, expect, it } from "vitest";
import { normalizeLeadInput } from "../lead/normalize-lead-input.js";
import { type DemoHistory, type DemoLead, generateDemoHistory } from "./generate-demo-history.js";
import { wallClockOf, weekdayOf } from "./zoned-time.js";
import { DAY_MS, MINUTE_MS } from "../time.js";

/** 2026-03-02 09:00 UTC, a Monday. */
const END_AT = Date.UTC(2026, 2, 2, 9, 0);

const winRate = (leads: DemoLead[]) => leads.filter((l) => l.plan.outcome.kind === "won").length / leads.length;
const reached = (leads: DemoLead[], stage: string) => leads.filter((l) => l.plan.stageChanges.some((c) => c.stage === stage));
const responseMinutes = (l: DemoLead) => (l.plan.firstResponseAt === null ? null : (l.plan.firstResponseAt - l.lead.createdAt) / MINUTE_MS);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe("generateDemoHistory", () => {
  let year: DemoHistory;
  const ownedBy = (name: string) => {
    const owner = year.team.find((m) => m.user.name === name)!;
    return year.leads.filter((l) => l.plan.ownerId === owner.user.id);
  };
  beforeAll(() => {
    year = generateDemoHistory({ seed: 1, endAt: END_AT, leadsPerDay: 55 });
  });

  it("gives the same history for the same seed and another one for another seed", () => {
    const input = { seed: 5, endAt: END_AT, days: 20, leadsPerDay: 15 };
    const history = generateDemoHistory(input);
    expect(generateDemoHistory(input)).toEqual(history);
    const other = generateDemoHistory({ ...input, seed: 6 });
    expect(other.leads.map((l) => l.lead.email)).not.toEqual(history.leads.map((l) => l.lead.email));
    expect(other.team.map((m) => m.user.id)).not.toEqual(history.team.map((m) => m.user.id));
  });

  it("builds a team of seven reps, a manager and an admin with unique demo logins", () => {
    const roles = year.team.map((m) => m.user.role);
    expect(roles.filter((r) => r === "rep")).toHaveLength(7);
    expect(roles.filter((r) => r !== "rep").sort()).toEqual(["admin", "manager"]);
    expect(new Set(year.team.map((m) => m.user.email)).size).toBe(9);
    expect(year.team.every((m) => m.user.email.endsWith("@demo.closeloop.test"))).toBe(true);
  });

  it("spreads about leadsPerDay × days leads over the period, more on weekdays and in office hours, growing over the year", () => {
    expect(year.leads.length).toBeGreaterThan(365 * 55 * 0.95);
    expect(year.leads.length).toBeLessThan(365 * 55 * 1.05);
    expect(year.leads[0]!.lead.createdAt).toBeGreaterThanOrEqual(year.startAt);
    expect(year.leads.every((l, i) => i === 0 || l.lead.createdAt >= year.leads[i - 1]!.lead.createdAt)).toBe(true);
    const localWalls = year.leads.map((l) => wallClockOf(l.lead.createdAt, l.profile.timeZone));
    const weekend = localWalls.filter((wall) => [0, 6].includes(weekdayOf(wall))).length;
    expect(weekend / 2 / ((localWalls.length - weekend) / 5)).toBeLessThan(0.35);
    const officeHours = localWalls.filter((wall) => (wall % DAY_MS) / 3_600_000 >= 8 && (wall % DAY_MS) / 3_600_000 < 18).length;
    expect(officeHours / localWalls.length).toBeGreaterThan(0.6);
    const quarter = 91 * DAY_MS;
    const firstQuarter = year.leads.filter((l) => l.lead.createdAt < year.startAt + quarter).length;
    const lastQuarter = year.leads.filter((l) => l.lead.createdAt >= year.endAt - quarter).length;
    expect(lastQuarter / firstQuarter).toBeGreaterThan(1.25);
  });

  it("makes every lead a distinct person that capture would accept as is", () => {
    expect(new Set(year.leads.map((l) => l.lead.email)).size).toBe(year.leads.length);
    const phones = year.leads.flatMap((l) => (l.lead.phone ? [l.lead.phone] : []));
    expect(new Set(phones).size).toBe(phones.length);
    expect(new Set(year.leads.map((l) => l.lead.id)).size).toBe(year.leads.length);
    for (const { lead } of year.leads.filter((_, i) => i % 50 === 0)) {
      if (lead.phone) expect(parsePhoneNumberFromString(lead.phone)).toMatchObject({ country: lead.country, number: lead.phone });
      const input = normalizeLeadInput({ email: lead.email, phone: lead.phone, firstName: lead.firstName, lastName: lead.lastName, company: lead.company, title: lead.title, country: lead.country }, { defaultPhoneRegion: "US" });
      expect(input.fields).toMatchObject({ email: lead.email, phone: lead.phone, firstName: lead.firstName, company: lead.company });
    }
  });

  it("routes each lead to a rep of its territory with comparable volumes", () => {
    const reps = year.team.filter((m) => m.rep);
    const volumes = reps.map((rep) => ownedBy(rep.user.name).length);
    expect(Math.max(...volumes) / Math.min(...volumes)).toBeLessThan(1.25);
    const emeaIds = new Set(reps.filter((m) => m.rep!.territory === "emea").map((m) => m.user.id));
    const emeaCountries = ["GB", "DE", "FR", "NL", "ES", "IE", "SE"];
    const misrouted = year.leads.filter((l) => emeaIds.has(l.plan.ownerId) !== emeaCountries.includes(l.lead.country!));
    expect(misrouted).toEqual([]);
  });

  it("keeps every plan consistent and nothing after the end of the period", () => {
    const inconsistent = year.leads.filter(({ lead, plan }) => {
      const times = [plan.assignedAt, plan.firstResponseAt ?? lead.createdAt, ...plan.touches.map((t) => t.at), ...plan.stageChanges.map((c) => c.at)];
      const lastChange = plan.stageChanges.at(-1);
      return (
        plan.assignedAt < lead.createdAt ||
        Math.max(...times) >= year.endAt ||
        (plan.firstResponseAt !== null && plan.touches[0]?.at !== plan.firstResponseAt) ||
        plan.touches.some((t, i) => i > 0 && t.at < plan.touches[i - 1]!.at) ||
        lead.stage !== (lastChange?.stage ?? "new") ||
        (plan.outcome.kind === "won" && (plan.proposal === null || plan.outcome.amount <= 0)) ||
        (plan.outcome.kind !== "open" && plan.outcome.at !== lastChange?.at)
      );
    });
    expect(inconsistent).toEqual([]);
  });

  it("shows rep skill: the weakest rep closes far less than the best, on leads and on qualified opportunities", () => {
    const ana = ownedBy("Ana Silva");
    const oliver = ownedBy("Oliver Bennett");
    expect(winRate(oliver)).toBeLessThan(winRate(ana) / 2.5);
    // Issue #7's execution rule: rep spread above 15 points on comparable volume.
    expect(winRate(reached(ana, "qualified")) - winRate(reached(oliver, "qualified"))).toBeGreaterThan(0.25);
  });

  it("shows source quality: referrals close best, the purchased list worst", () => {
    const bySource = new Map(year.sources.map((s) => [s.name, winRate(year.leads.filter((l) => l.lead.source === s.name))]));
    const rates = [...bySource.values()];
    expect(bySource.get("Referral")).toBe(Math.max(...rates));
    expect(bySource.get("Purchased list")).toBe(Math.min(...rates));
    expect(bySource.get("Purchased list")!).toBeLessThan(bySource.get("Google Ads")! / 4);
  });

  it("shows speed to lead: slower first responses close less, and the slow rep is slowest", () => {
    const answered = year.leads.filter((l) => responseMinutes(l) !== null);
    const fast = answered.filter((l) => responseMinutes(l)! < 5);
    const slow = answered.filter((l) => responseMinutes(l)! >= 24 * 60);
    expect(fast.length).toBeGreaterThan(500);
    expect(winRate(fast)).toBeGreaterThan(winRate(slow) * 1.5);
    const medians = year.team.filter((m) => m.rep).map((m) => ({ name: m.user.name, minutes: median(ownedBy(m.user.name).flatMap((l) => responseMinutes(l) ?? [])) }));
    expect(medians.sort((a, b) => b.minutes - a.minutes)[0]!.name).toBe("Daniel Kim");
  });

  it("leaves recent leads open and older ones mostly decided", () => {
    const recent = year.leads.filter((l) => l.lead.createdAt >= year.endAt - 7 * DAY_MS);
    const old = year.leads.filter((l) => l.lead.createdAt < year.startAt + 90 * DAY_MS);
    expect(recent.filter((l) => l.plan.outcome.kind === "open").length / recent.length).toBeGreaterThan(0.5);
    expect(old.filter((l) => l.plan.outcome.kind === "open").length / old.length).toBeLessThan(0.25);
  });
});
