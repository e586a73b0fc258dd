import { describe, expect, it } from "vitest";
import { blankStep, completeInput, newSequenceInput } from "./sequence-draft.js";

describe("blankStep", () => {
  it("adds an email two days after the step before it, in that step's window", () => {
    const first = blankStep(undefined);
    expect(first).toMatchObject({ dayOffset: 0, channel: "email", window: { startMinute: 540, endMinute: 1020, weekdays: [1, 2, 3, 4, 5] } });
    const window = { startMinute: 600, endMinute: 660, weekdays: [2] };
    expect(blankStep({ ...first, dayOffset: 5, window })).toMatchObject({ dayOffset: 7, window });
  });
});

describe("completeInput", () => {
  it("sends null for the box the purpose hides, and no subject or proof on task steps", () => {
    const draft = { ...newSequenceInput(), name: " Inbound demo ", nurtureSequenceId: "seq_1", repeatEveryDays: 30 };
    draft.steps = [{ ...draft.steps[0]!, channel: "call", subject: "left over", proofAssetIds: ["asset_1"] }];
    const followUp = completeInput(draft);
    expect(followUp).toMatchObject({ name: "Inbound demo", nurtureSequenceId: "seq_1", repeatEveryDays: null });
    expect(followUp.steps[0]).toMatchObject({ subject: "", proofAssetIds: [] });
    expect(completeInput({ ...draft, purpose: "nurture" })).toMatchObject({ nurtureSequenceId: null, repeatEveryDays: 30 });
  });
});
