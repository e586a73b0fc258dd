import { describe, expect, it } from "vitest";
import type { Qualification } from "../../api/qualification.js";
import { draftOf, qualificationChangeOf } from "./qualification-words.js";

const row = (criterion: string, answer: Qualification["answers"][number]["answer"], notes: string | null = null) => ({
  criterion,
  label: criterion,
  question: `${criterion}?`,
  answer,
  notes,
  answeredBy: answer ? "user_1" : null,
  answeredAt: answer ? "2026-03-02T10:00:00.000Z" : null,
});

const QUALIFICATION: Qualification = { status: "in_progress", answers: [row("budget", "yes", "20k set aside"), row("authority", null), row("need", "unknown")], costOfInaction: null, disqualification: null };

describe("qualificationChangeOf", () => {
  it("is null while the form says what the lead's qualification says", () => {
    expect(qualificationChangeOf(QUALIFICATION, draftOf(QUALIFICATION))).toBeNull();
  });

  it("sends only the answers changed, so untouched ones keep who answered them", () => {
    const draft = draftOf(QUALIFICATION);
    draft.answers.authority = { answer: "no", notes: " Needs the CFO " };
    draft.answers.need = { answer: "yes", notes: "" };
    expect(qualificationChangeOf(QUALIFICATION, draft)).toEqual({
      answers: [
        { criterion: "authority", answer: "no", notes: "Needs the CFO" },
        { criterion: "need", answer: "yes" },
      ],
    });
  });

  it("sends cleared notes as empty, and the cost of inaction alone when only it changed", () => {
    const cleared = draftOf(QUALIFICATION);
    cleared.answers.budget = { answer: "yes", notes: "" };
    expect(qualificationChangeOf(QUALIFICATION, cleared)).toEqual({ answers: [{ criterion: "budget", answer: "yes", notes: "" }] });
    expect(qualificationChangeOf(QUALIFICATION, { ...draftOf(QUALIFICATION), costOfInaction: " 3 lost deals a month " })).toEqual({ costOfInaction: "3 lost deals a month" });
    expect(qualificationChangeOf({ ...QUALIFICATION, costOfInaction: "old" }, draftOf(QUALIFICATION))).toEqual({ costOfInaction: null });
  });
});
