import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OFFICE_HOURS } from "../sla/business-hours.js";
import type { RoutingCandidate } from "./availability.js";
import { chooseOwner, type RoutingInput } from "./choose-owner.js";
import type { PoolCursor } from "./pool-strategies.js";
import type { RoutingRule, RoutingStrategy } from "./routing-rule.js";

// Monday 2026-03-02 10:00 UTC: inside office hours.
const NOW = Date.UTC(2026, 2, 2, 10, 0);

function candidate(userId: string, overrides: Partial<RoutingCandidate> = {}): RoutingCandidate {
  return { userId, name: userId, isActive: true, workingHours: null, outOfOffice: [], capacity: null, openLeads: 0, routingWeight: 1, ...overrides };
}

function rule(overrides: Partial<RoutingRule> = {}): RoutingRule {
  return { id: "rule_1", name: "Everyone", position: 1, conditions: [], target: { userIds: [], strategy: "round_robin" }, slaPolicyId: null, sequenceId: null, isActive: true, ...overrides };
}

/** Routes `count` leads through one pool, carrying cursors and open-lead counts like the service does. */
function routeMany(count: number, strategy: RoutingStrategy, candidates: RoutingCandidate[]): Map<string, number> {
  const byId = new Map(candidates.map((c) => [c.userId, { ...c }]));
  const cursors = new Map<string, PoolCursor>();
  const assigned = new Map<string, number>();
  const rules = [rule({ target: { userIds: candidates.map((c) => c.userId), strategy } })];
  for (let i = 0; i < count; i++) {
    const result = chooseOwner({ rules, fallback: null, facts: {}, candidates: byId, cursors, now: NOW });
    if (result.cursorUpdate) cursors.set(result.cursorUpdate.poolKey, result.cursorUpdate.cursor);
    if (result.ownerId) {
      assigned.set(result.ownerId, (assigned.get(result.ownerId) ?? 0) + 1);
      byId.get(result.ownerId)!.openLeads++;
    }
  }
  return assigned;
}

describe("chooseOwner", () => {
  const reps = ["ana", "ben", "cai", "dee", "eli", "fay", "gus"].map((id) => candidate(id));

  it("spreads 10,000 leads over 7 reps by round robin with counts differing by at most 1", () => {
    const counts = [...routeMany(10_000, "round_robin", reps).values()];
    expect(counts).toHaveLength(7);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it("gives weighted round robin shares within 1% of the weights", () => {
    const weighted = reps.map((rep, i) => ({ ...rep, routingWeight: i + 1 }));
    const counts = routeMany(10_000, "weighted_round_robin", weighted);
    const totalWeight = weighted.reduce((sum, rep) => sum + rep.routingWeight, 0);
    for (const rep of weighted) {
      expect(Math.abs(counts.get(rep.userId)! / 10_000 - rep.routingWeight / totalWeight)).toBeLessThan(0.01);
    }
  });

  it("never chooses someone inactive, out of office, out of hours or at capacity", () => {
    const pool = [
      candidate("inactive", { isActive: false }),
      candidate("away", { outOfOffice: [{ startsAt: NOW - 1000, endsAt: NOW + 1000 }] }),
      candidate("night", { workingHours: { timezone: "Asia/Tokyo", weeklyHours: OFFICE_HOURS, holidays: [] } }),
      candidate("full", { capacity: 3, openLeads: 3 }),
      candidate("ok1", { capacity: 5000 }),
      candidate("ok2"),
    ];
    fc.assert(
      fc.property(fc.constantFrom<RoutingStrategy>("round_robin", "weighted_round_robin", "least_loaded"), fc.integer({ min: 1, max: 200 }), (strategy, count) => {
        const counts = routeMany(count, strategy, pool);
        expect([...counts.keys()].every((id) => id === "ok1" || id === "ok2")).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it("gives least loaded the lowest share of capacity and says so", () => {
    const input: RoutingInput = {
      rules: [rule({ name: "Enterprise EMEA", target: { userIds: ["ana", "ben"], strategy: "least_loaded" } })],
      fallback: null,
      facts: {},
      candidates: new Map([
        ["ana", candidate("ana", { name: "Ana", capacity: 20, openLeads: 3 })],
        ["ben", candidate("ben", { name: "Ben", capacity: 10, openLeads: 2 })],
      ]),
      cursors: new Map(),
      now: NOW,
    };
    expect(chooseOwner(input)).toMatchObject({ ownerId: "ana", reason: "rule 'Enterprise EMEA' → least loaded: Ana, 3 of 20 open" });
  });

  it("routes by the first matching rule in position order, then the fallback, then leaves the lead unassigned", () => {
    const rules = [
      rule({ id: "r_de", name: "Germany", position: 2, conditions: [{ field: "country", operator: "in", value: ["DE", "AT"] }], target: { userIds: ["ana"], strategy: "round_robin" } }),
      rule({ id: "r_big", name: "Big", position: 1, conditions: [{ field: "custom.seats", operator: "gte", value: 100 }], target: { userIds: ["ben"], strategy: "round_robin" }, slaPolicyId: "sla_hot" }),
    ];
    const candidates = new Map([["ana", candidate("ana", { name: "Ana" })], ["ben", candidate("ben", { name: "Ben", isActive: false })], ["cai", candidate("cai", { name: "Cai" })]]);
    const base = { rules, fallback: { userIds: ["cai"], strategy: "round_robin" as const }, candidates, cursors: new Map(), now: NOW };
    expect(chooseOwner({ ...base, facts: { country: "de" } })).toMatchObject({ ownerId: "ana", ruleId: "r_de" });
    expect(chooseOwner({ ...base, facts: { country: "DE", "custom.seats": "250" } })).toMatchObject({
      ownerId: "cai",
      ruleId: null,
      slaPolicyId: "sla_hot",
      reason: "rule 'Big': nobody available (skipped Ben: inactive) → fallback pool → round robin: Cai",
    });
    expect(chooseOwner({ ...base, facts: { country: "FR" }, fallback: null })).toMatchObject({ ownerId: null, reason: "no rule matched → unassigned" });
  });

  it("evaluates text conditions case-insensitively and never matches a missing field", () => {
    const rules = [
      rule({ conditions: [{ field: "source", operator: "contains", value: "LINKED" }, { field: "title", operator: "matches", value: "^(vp|head)" }], target: { userIds: ["ana"], strategy: "round_robin" } }),
    ];
    const input = { rules, fallback: null, candidates: new Map([["ana", candidate("ana")]]), cursors: new Map(), now: NOW };
    expect(chooseOwner({ ...input, facts: { source: "linkedin-ads", title: "VP Sales" } }).ownerId).toBe("ana");
    expect(chooseOwner({ ...input, facts: { source: "linkedin-ads" } }).ownerId).toBeNull();
  });
});
