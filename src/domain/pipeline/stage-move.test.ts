import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { refusalOf } from "../../../test/support/domain-failure.js";
import { freshLeadPipeline, type LeadPipeline } from "./lead-pipeline.js";
import { DEFAULT_PIPELINE } from "./pipeline-config.js";
import { planStageMove, type StageMoveRequest } from "./stage-move.js";

const CAPTURED_AT = 1_000;
const NOW = 5_000_000;
const NEXT_STEP = { action: "Call back", dueAt: NOW + 60_000, ownerId: "user_1", setAt: NOW - 1, status: "scheduled" as const };

const lead = (stage: string) => ({ stage, source: "google", campaign: "spring" });
const fresh = (changes: Partial<LeadPipeline> = {}): LeadPipeline => ({ ...freshLeadPipeline({ id: "lead_1", createdAt: CAPTURED_AT }), ...changes });
const request = (stage: string, changes: Partial<StageMoveRequest> = {}): StageMoveRequest => ({
  stage,
  checkedItems: [],
  isNextStepGiven: false,
  amountCents: null,
  reason: null,
  note: null,
  ...changes,
});

const plan = (from: string, to: Partial<StageMoveRequest> & { stage: string }, state = fresh({ nextStep: NEXT_STEP })) =>
  planStageMove(DEFAULT_PIPELINE, lead(from), state, request(to.stage, to), NOW);

describe("planStageMove", () => {
  it("moves forward past a warn checklist with a warning the stage_changed event records", () => {
    const move = plan("new", { stage: "contacted" });
    expect(move.warnings).toEqual([{ code: "checklist_incomplete", missing: [{ key: "first_contact", label: "First contact attempted" }] }]);
    expect(move.events).toEqual([
      {
        type: "stage_changed",
        data: { from: "new", to: "contacted", fromMilestone: "new", toMilestone: "contacted", checkedItems: [], missingItems: [{ key: "first_contact", label: "First contact attempted" }], isChecklistOverridden: true },
      },
    ]);
    expect(move.state).toMatchObject({ stageEnteredAt: NOW, closedAt: null, nextStep: NEXT_STEP });
    expect(move.isClosing).toBe(false);
  });

  it("refuses to leave a block stage with items unticked, naming checkedItems", () => {
    expect(refusalOf(() => plan("qualified", { stage: "proposal", checkedItems: ["decision_maker_met"] }))).toEqual({ code: "invalid", field: "checkedItems" });
    const move = plan("qualified", { stage: "proposal", checkedItems: ["cost_of_inaction_agreed", "decision_maker_met"] });
    expect(move.warnings).toEqual([]);
    expect(move.events[0]!.data).toMatchObject({ checkedItems: ["decision_maker_met", "cost_of_inaction_agreed"], missingItems: [], isChecklistOverridden: false });
  });

  it("checks only the current stage's checklist when skipping stages, and refuses items it does not have", () => {
    expect(plan("new", { stage: "proposal", checkedItems: ["first_contact"] }).warnings).toEqual([]);
    expect(refusalOf(() => plan("new", { stage: "proposal", checkedItems: ["first_contact", "decision_maker_met"] }))).toEqual({ code: "invalid", field: "checkedItems.1" });
  });

  it("needs a next step to move forward into an open stage: the lead's own or one given with the move", () => {
    const withoutNextStep = fresh();
    expect(refusalOf(() => plan("new", { stage: "contacted", checkedItems: ["first_contact"] }, withoutNextStep))).toEqual({ code: "invalid", field: "nextStep" });
    expect(plan("new", { stage: "contacted", checkedItems: ["first_contact"], isNextStepGiven: true }, withoutNextStep).state.nextStep).toBeNull();
  });

  it("moves back without checklist or next step, and keeps the next step", () => {
    const move = plan("proposal", { stage: "contacted" }, fresh({ nextStep: NEXT_STEP, valueCents: 500_00 }));
    expect(move.warnings).toEqual([]);
    expect(move.events[0]!.data).toMatchObject({ from: "proposal", to: "contacted", checkedItems: [], missingItems: [] });
    expect(move.state).toMatchObject({ stageEnteredAt: NOW, nextStep: NEXT_STEP, valueCents: 500_00 });
    expect(plan("contacted", { stage: "new" }, fresh()).state.stageEnteredAt).toBe(NOW);
  });

  it("wins with an amount: closes the lead, clears the next step, sets the value, appends won", () => {
    expect(refusalOf(() => plan("proposal", { stage: "won", checkedItems: ["proposal_reviewed", "decision_date_set"] }))).toEqual({ code: "invalid", field: "amount" });
    const move = plan("proposal", { stage: "won", checkedItems: ["proposal_reviewed", "decision_date_set"], amountCents: 12_500_50 });
    expect(move.isClosing).toBe(true);
    expect(move.state).toMatchObject({ closedAt: NOW, valueCents: 12_500_50, nextStep: null, lostReason: null });
    expect(move.events.map((event) => event.type)).toEqual(["stage_changed", "won"]);
    expect(move.events[1]!.data).toEqual({ amountCents: 12_500_50, source: "google", campaign: "spring" });
  });

  it("checks the exit checklist on the way to won", () => {
    expect(refusalOf(() => plan("qualified", { stage: "won", amountCents: 100 }))).toEqual({ code: "invalid", field: "checkedItems" });
  });

  it("loses with a reason from the list, a note when the reason asks for one, and no checklist", () => {
    expect(refusalOf(() => plan("qualified", { stage: "lost" }))).toEqual({ code: "invalid", field: "reason" });
    expect(refusalOf(() => plan("qualified", { stage: "lost", reason: "bored" }))).toEqual({ code: "invalid", field: "reason" });
    expect(refusalOf(() => plan("qualified", { stage: "lost", reason: "other", note: "  " }))).toEqual({ code: "invalid", field: "note" });
    const move = plan("qualified", { stage: "lost", reason: "other", note: " Company folded " });
    expect(move.state).toMatchObject({ closedAt: NOW, lostReason: "other", lostNote: "Company folded", nextStep: null });
    expect(move.events[1]).toEqual({ type: "lost", data: { reason: "other", reasonLabel: "Other", note: "Company folded", source: "google", campaign: "spring" } });
    expect(plan("new", { stage: "lost", reason: "price" }).events[1]!.data).toMatchObject({ reason: "price", reasonLabel: "Price", note: null });
  });

  it.each<[string, string, Partial<StageMoveRequest>, string]>([
    ["an amount on a move that is not to won", "contacted", { amountCents: 100 }, "amount"],
    ["a reason on a move that is not to lost", "won", { amountCents: 100, checkedItems: ["first_contact"], reason: "price" }, "reason"],
    ["a note on a move that is not to lost", "contacted", { note: "hello" }, "note"],
    ["a next step on a move to won", "won", { amountCents: 100, checkedItems: ["first_contact"], isNextStepGiven: true }, "nextStep"],
    ["a next step on a move to lost", "lost", { reason: "price", isNextStepGiven: true }, "nextStep"],
    ["an unknown stage", "negotiation", {}, "stage"],
    ["the stage it is in", "new", {}, "stage"],
  ])("refuses %s, naming the field", (_case, stage, changes, field) => {
    expect(refusalOf(() => plan("new", { stage, ...changes }))).toEqual({ code: "invalid", field });
  });

  it("refuses to move a disqualified lead (conflict)", () => {
    expect(refusalOf(() => plan("contacted", { stage: "new" }, fresh({ qualificationStatus: "disqualified", closedAt: NOW - 1 })))).toEqual({ code: "conflict", field: undefined });
  });

  it("reopens a closed lead without checklist or next step, clearing the outcome but keeping the value", () => {
    const wonState = fresh({ closedAt: NOW - 10, valueCents: 900_00 });
    const move = plan("won", { stage: "proposal" }, wonState);
    expect(move.state).toMatchObject({ closedAt: null, valueCents: 900_00, lostReason: null, stageEnteredAt: NOW });
    expect(move.isClosing).toBe(false);
    expect(move.events.map((event) => [event.type, event.data.to])).toEqual([["stage_changed", "proposal"], ["reopened", "proposal"]]);
    const lostState = fresh({ closedAt: NOW - 10, lostReason: "price", lostNote: null });
    expect(plan("lost", { stage: "contacted" }, lostState).state).toMatchObject({ closedAt: null, lostReason: null });
  });

  it("turns a loss into a win (and back) as a new outcome", () => {
    const move = plan("lost", { stage: "won", amountCents: 700_00 }, fresh({ closedAt: NOW - 10, lostReason: "price" }));
    expect(move.state).toMatchObject({ closedAt: NOW, lostReason: null, valueCents: 700_00 });
    expect(move.events.map((event) => event.type)).toEqual(["stage_changed", "won"]);
    expect(plan("won", { stage: "lost", reason: "timing" }, fresh({ closedAt: NOW - 10 })).state).toMatchObject({ closedAt: NOW, lostReason: "timing" });
  });

  it("moves a lead out of a stage the pipeline no longer has as a forward move with no checklist", () => {
    const move = plan("legacy", { stage: "contacted" });
    expect(move.events[0]!.data).toMatchObject({ from: "legacy", fromMilestone: null, toMilestone: "contacted", missingItems: [] });
    expect(refusalOf(() => plan("legacy", { stage: "contacted" }, fresh()))).toEqual({ code: "invalid", field: "nextStep" });
  });

  it("lets any move between two open stages through when every item is ticked and a next step is given", () => {
    const open = DEFAULT_PIPELINE.stages.filter((stage) => stage.milestone !== "won" && stage.milestone !== "lost");
    fc.assert(
      fc.property(fc.constantFrom(...open), fc.constantFrom(...open), (from, to) => {
        fc.pre(from.key !== to.key);
        const checkedItems = from.exitChecklist.map((item) => item.key);
        const move = planStageMove(DEFAULT_PIPELINE, lead(from.key), fresh(), request(to.key, { checkedItems, isNextStepGiven: true }), NOW);
        expect(move.warnings).toEqual([]);
        expect(move.events).toHaveLength(1);
        expect(move.events[0]!.data).toMatchObject({ from: from.key, to: to.key, isChecklistOverridden: false });
        expect(move.state.stageEnteredAt).toBe(NOW);
      }),
    );
  });
});
