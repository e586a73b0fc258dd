import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import { checkSequenceInput, type SequenceCheckContext, type SequenceInput } from "./check-sequence.js";
import { BUSINESS_HOURS_WINDOW, type SequenceStep } from "./sequence.js";

const step = (overrides: Partial<SequenceStep> = {}): SequenceStep => ({
  dayOffset: 0,
  channel: "email",
  subject: "Your enquiry, {{ lead.firstName }}",
  body: "Hi {{ lead.firstName }},\n\n{{ owner.name }}",
  window: BUSINESS_HOURS_WINDOW,
  proofAssetIds: [],
  ...overrides,
});
const input = (overrides: Partial<SequenceInput> = {}): SequenceInput => ({
  name: "Inbound demo",
  purpose: "follow_up",
  steps: [step(), step({ dayOffset: 2 }), step({ dayOffset: 5, channel: "call", subject: "", body: "Call {{ lead.name }}" })],
  nurtureSequenceId: null,
  repeatEveryDays: null,
  ...overrides,
});
const context: SequenceCheckContext = { companyNameIsSet: true, proofAssetIds: ["pa1", "pa2"] };

function fieldOf(candidate: SequenceInput, checkContext = context): string | undefined | null {
  try {
    checkSequenceInput(candidate, checkContext);
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.field;
  }
}

describe("checkSequenceInput", () => {
  it("returns the sequence tidied: trimmed, task steps without a subject, weekdays in order", () => {
    const checked = checkSequenceInput(
      input({
        name: "  Inbound demo ",
        nurtureSequenceId: " seq_9 ",
        steps: [step({ subject: " Hello \n", window: { ...BUSINESS_HOURS_WINDOW, weekdays: [5, 1, 3] }, proofAssetIds: ["pa2", "pa1", "pa2"] }), step({ channel: "linkedin", subject: "ignored {{ nonsense", body: " Connect " })],
      }),
      context,
    );
    expect(checked.name).toBe("Inbound demo");
    expect(checked.nurtureSequenceId).toBe("seq_9");
    expect(checked.steps[0]).toMatchObject({ subject: "Hello", window: { weekdays: [1, 3, 5] }, proofAssetIds: ["pa2", "pa1"] });
    expect(checked.steps[1]).toMatchObject({ subject: "", body: "Connect" });
  });

  it("needs a name and one to thirty steps", () => {
    expect(fieldOf(input({ name: "  " }))).toBe("name");
    expect(fieldOf(input({ name: "x".repeat(121) }))).toBe("name");
    expect(fieldOf(input({ steps: [] }))).toBe("steps");
    expect(fieldOf(input({ steps: Array.from({ length: 31 }, () => step()) }))).toBe("steps");
    expect(fieldOf(input({ steps: Array.from({ length: 30 }, () => step()) }))).toBeNull();
  });

  it("keeps day offsets whole, within two years and in order", () => {
    expect(fieldOf(input({ steps: [step({ dayOffset: -1 })] }))).toBe("steps.0.dayOffset");
    expect(fieldOf(input({ steps: [step({ dayOffset: 731 })] }))).toBe("steps.0.dayOffset");
    expect(fieldOf(input({ steps: [step({ dayOffset: 1.5 })] }))).toBe("steps.0.dayOffset");
    expect(fieldOf(input({ steps: [step({ dayOffset: 3 }), step({ dayOffset: 3 }), step({ dayOffset: 2 })] }))).toBe("steps.2.dayOffset");
  });

  it("needs a subject and body on email steps and instructions on task steps", () => {
    expect(fieldOf(input({ steps: [step({ subject: " " })] }))).toBe("steps.0.subject");
    expect(fieldOf(input({ steps: [step(), step({ body: "\n" })] }))).toBe("steps.1.body");
    expect(fieldOf(input({ steps: [step({ channel: "sms", subject: "", body: "" })] }))).toBe("steps.0.body");
    expect(fieldOf(input({ steps: [step({ channel: "fax" as "sms" })] }))).toBe("steps.0.channel");
  });

  it("checks every template, naming the step's field", () => {
    expect(fieldOf(input({ steps: [step(), step({ dayOffset: 2, body: "Hi {{ lead.nickname }}" })] }))).toBe("steps.1.body");
    expect(fieldOf(input({ steps: [step({ subject: "{{ lead.firstName | shout }}" })] }))).toBe("steps.0.subject");
    expect(fieldOf(input({ steps: [step(), step({ channel: "call", subject: "", body: "Call {{ lead.phone }}" })] }))).toBe("steps.1.body");
  });

  it("refuses company.name without a default while the workspace has no company name", () => {
    const withCompany = input({ steps: [step({ body: "{{ owner.name }} from {{ company.name }}" })] });
    expect(fieldOf(withCompany, { ...context, companyNameIsSet: false })).toBe("steps.0.body");
    expect(fieldOf(withCompany)).toBeNull();
    expect(fieldOf(input({ steps: [step({ body: "{{ company.name | default: 'us' }}" })] }), { ...context, companyNameIsSet: false })).toBeNull();
  });

  it("checks windows and proof assets", () => {
    expect(fieldOf(input({ steps: [step({ window: { startMinute: 600, endMinute: 540, weekdays: [1] } })] }))).toBe("steps.0.window.endMinute");
    expect(fieldOf(input({ steps: [step({ proofAssetIds: ["pa1", "gone"] })] }))).toBe("steps.0.proofAssetIds.1");
  });

  it("lets only follow-ups move to nurture and only nurture sequences repeat", () => {
    expect(fieldOf(input({ purpose: "nurture", nurtureSequenceId: "seq_2" }))).toBe("nurtureSequenceId");
    expect(fieldOf(input({ purpose: "follow_up", repeatEveryDays: 30 }))).toBe("repeatEveryDays");
    expect(fieldOf(input({ purpose: "nurture", repeatEveryDays: 0 }))).toBe("repeatEveryDays");
    expect(fieldOf(input({ purpose: "nurture", repeatEveryDays: 366 }))).toBe("repeatEveryDays");
    expect(fieldOf(input({ purpose: "nurture", repeatEveryDays: 30, nurtureSequenceId: " " }))).toBeNull();
    expect(fieldOf(input({ purpose: "later" as "nurture" }))).toBe("purpose");
  });
});
