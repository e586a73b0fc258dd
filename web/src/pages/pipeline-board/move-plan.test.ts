import { describe, expect, it } from "vitest";
import { DEFAULT_PIPELINE } from "../../../../src/domain/pipeline/pipeline-config.js";
import type { NextStep } from "../../api/lead-pipeline.js";
import { checklistVerdict, nextStepDefaults, planMove, stageMoveOf, uncheckedItems } from "./move-plan.js";

const STAGES = DEFAULT_PIPELINE.stages;
const NOW = Date.parse("2026-03-02T15:30:00Z");
const EXISTING: NextStep = { action: "Call back", dueAt: "2026-03-04T10:00:00.000Z", ownerId: "user_1", setAt: "2026-03-02T15:29:59.000Z", status: "scheduled" };

function plan(from: string, to: string) {
  const result = planMove(STAGES, from, to);
  if (!result) throw new Error(`no plan from ${from} to ${to}`);
  return result;
}

/** The dialog's form as the browser would submit it. */
function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(name, one);
  return data;
}

describe("planMove", () => {
  it("asks for the left stage's exit checklist and a next step when moving forward into an open stage", () => {
    const move = plan("new", "contacted");
    expect(move).toMatchObject({ isForward: true, needsNextStep: true, outcome: null, isChecklistBlocking: false });
    expect(move.checklist.map((item) => item.key)).toEqual(["first_contact"]);
  });

  it("blocks on a block-mode checklist", () => {
    expect(plan("qualified", "proposal").isChecklistBlocking).toBe(true);
  });

  it("asks for no checklist and no next step when moving back", () => {
    expect(plan("proposal", "contacted")).toMatchObject({ isForward: false, checklist: [], needsNextStep: false, outcome: null });
  });

  it("asks for the outcome and not a next step when closing", () => {
    expect(plan("proposal", "won")).toMatchObject({ needsNextStep: false, outcome: "won" });
    expect(plan("new", "lost")).toMatchObject({ needsNextStep: false, outcome: "lost" });
    expect(plan("won", "lost")).toMatchObject({ checklist: [], outcome: "lost" });
  });

  it("has no plan for the same or an unknown stage", () => {
    expect(planMove(STAGES, "new", "new")).toBeNull();
    expect(planMove(STAGES, "new", "negotiation")).toBeNull();
  });
});

describe("uncheckedItems", () => {
  it("lists what is left, in checklist order", () => {
    expect(uncheckedItems(plan("contacted", "qualified"), ["discovery_booked"]).map((item) => item.key)).toEqual(["conversation_held"]);
  });
});

describe("nextStepDefaults", () => {
  it("starts from the lead's next step in the person's zone", () => {
    expect(nextStepDefaults(EXISTING, NOW, "Europe/Berlin")).toEqual({ action: "Call back", due: "2026-03-04T11:00", ownerId: "user_1" });
  });

  it("proposes tomorrow at 09:00 when the lead has none", () => {
    expect(nextStepDefaults(null, NOW, "UTC")).toEqual({ action: "", due: "2026-03-03T09:00", ownerId: "" });
  });
});

describe("stageMoveOf", () => {
  it("sends the checked items and a new next step", () => {
    const body = stageMoveOf(plan("new", "contacted"), form({ checkedItems: ["first_contact"], action: " Book discovery ", due: "2026-03-03T09:00", ownerId: "" }), null, "UTC");
    expect(body).toEqual({ move: { stage: "contacted", checkedItems: ["first_contact"], nextStep: { action: "Book discovery", dueAt: "2026-03-03T09:00:00.000Z" } } });
  });

  it("leaves the next step out when none was written, for the API to refuse", () => {
    expect(stageMoveOf(plan("new", "contacted"), form({ action: "", due: "2026-03-03T09:00" }), null, "UTC")).toEqual({ move: { stage: "contacted", checkedItems: [] } });
  });

  it("keeps an unchanged existing next step as it is, and sends a changed one", () => {
    const unchanged = form({ ...nextStepDefaults(EXISTING, NOW, "UTC") });
    expect(stageMoveOf(plan("new", "contacted"), unchanged, EXISTING, "UTC")).toEqual({ move: { stage: "contacted", checkedItems: [] } });
    const later = form({ ...nextStepDefaults(EXISTING, NOW, "UTC"), due: "2026-03-05T10:00" });
    expect(stageMoveOf(plan("new", "contacted"), later, EXISTING, "UTC")).toMatchObject({ move: { nextStep: { action: "Call back", dueAt: "2026-03-05T10:00:00.000Z" } } });
  });

  it("names the due time when an action has no valid one", () => {
    expect(stageMoveOf(plan("new", "contacted"), form({ action: "Call", due: "" }), null, "UTC")).toMatchObject({ field: "dueAt" });
  });

  it("sends no checklist and no next step when moving back", () => {
    expect(stageMoveOf(plan("proposal", "new"), form({ action: "Call", due: "2026-03-03T09:00" }), null, "UTC")).toEqual({ move: { stage: "new" } });
  });

  it("sends the amount for won and the reason and note for lost", () => {
    expect(stageMoveOf(plan("proposal", "won"), form({ amount: "12,500.50", checkedItems: ["proposal_reviewed"] }), null, "UTC")).toEqual({
      move: { stage: "won", amount: 12500.5, checkedItems: ["proposal_reviewed"] },
    });
    expect(stageMoveOf(plan("proposal", "lost"), form({ reason: "other", note: " Budget moved to 2027 " }), null, "UTC")).toMatchObject({ move: { stage: "lost", reason: "other", note: "Budget moved to 2027" } });
    expect(stageMoveOf(plan("proposal", "won"), form({ amount: "" }), null, "UTC")).toMatchObject({ field: "amount" });
  });
});

describe("checklistVerdict", () => {
  it("holds a block-mode move back until every item is checked", () => {
    const move = plan("qualified", "proposal");
    expect(checklistVerdict(move, ["decision_maker_met"])).toEqual({ isBlocked: true, text: "Qualified requires every exit item before moving on. Not done: Cost of inaction agreed with the buyer." });
    expect(checklistVerdict(move, ["decision_maker_met", "cost_of_inaction_agreed"])).toEqual({ isBlocked: false, text: "" });
  });

  it("lets a warn-mode move through, saying what will be recorded as missing", () => {
    expect(checklistVerdict(plan("contacted", "qualified"), [])).toEqual({
      isBlocked: false,
      text: "Not done: Two-way conversation held, Discovery call booked. The move will be recorded with them missing.",
    });
  });
});
