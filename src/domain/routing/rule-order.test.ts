import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { orderRules, placeRule, withoutRule } from "./rule-order.js";
import type { RoutingRule } from "./routing-rule.js";

const rule = (id: string, position: number): RoutingRule => ({ id, name: id, position, conditions: [], target: { userIds: ["ana"], strategy: "round_robin" }, slaPolicyId: null, sequenceId: null, isActive: true });
const layout = (rules: RoutingRule[]) => rules.map((r) => `${r.position}:${r.id}`);

describe("placeRule", () => {
  it("appends a new rule without a position and renumbers gaps away", () => {
    expect(layout(placeRule([rule("a", 10), rule("b", 20)], rule("c", 0)))).toEqual(["1:a", "2:b", "3:c"]);
  });

  it("keeps a changed rule where it is when no position is given, even with gapped positions", () => {
    expect(layout(placeRule([rule("a", 10), rule("b", 20), rule("c", 30)], { ...rule("b", 20), name: "renamed" }))).toEqual(["1:a", "2:b", "3:c"]);
  });

  it("moves a rule up or down, clamping positions past either end", () => {
    const rules = [rule("a", 1), rule("b", 2), rule("c", 3)];
    expect(layout(placeRule(rules, rule("c", 3), 1))).toEqual(["1:c", "2:a", "3:b"]);
    expect(layout(placeRule(rules, rule("a", 1), 99))).toEqual(["1:b", "2:c", "3:a"]);
    expect(layout(placeRule(rules, rule("d", 0), -5))).toEqual(["1:d", "2:a", "3:b", "4:c"]);
  });

  it("always yields every rule once with positions 1..n and the placed rule where asked", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { maxLength: 20 }), fc.integer({ min: -5, max: 30 }), (positions, wanted) => {
        const rules = positions.map((position, i) => rule(`r${i}`, position));
        const placed = placeRule(rules, rule("new", 0), wanted);
        expect(placed.map((r) => r.position)).toEqual(placed.map((_, i) => i + 1));
        expect(new Set(placed.map((r) => r.id)).size).toBe(rules.length + 1);
        expect(placed.findIndex((r) => r.id === "new")).toBe(Math.min(Math.max(wanted, 1), rules.length + 1) - 1);
      }),
    );
  });
});

describe("orderRules and withoutRule", () => {
  const rules = [rule("a", 1), rule("b", 2), rule("c", 3)];

  it("orders by the given ids and renumbers", () => {
    expect(layout(orderRules(rules, ["c", "a", "b"]))).toEqual(["1:c", "2:a", "3:b"]);
  });

  it.each([
    [["a", "b"], "ids"],
    [["a", "b", "c", "a"], "ids.3"],
    [["a", "b", "x"], "ids.2"],
  ])("refuses %j, naming %s", (ids, field) => {
    expect(() => orderRules(rules, ids)).toThrow(expect.objectContaining({ code: "invalid", field }));
  });

  it("closes the gap a deleted rule leaves", () => {
    expect(layout(withoutRule(rules, "b"))).toEqual(["1:a", "2:c"]);
  });
});
