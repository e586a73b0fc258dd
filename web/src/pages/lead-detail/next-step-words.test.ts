import { describe, expect, it } from "vitest";
import { completionOf } from "./complete-next-step-form.js";
import { nextStepInputOf, nextStepStatusOf } from "./next-step-words.js";

const DUE_ISO = "2026-03-02T10:00:00.000Z";
const DUE = Date.parse(DUE_ISO);

function formOf(entries: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(entries)) form.set(name, value);
  return form;
}

describe("nextStepStatusOf", () => {
  it("is due once its time has passed and overdue after the grace minutes, before the worker's timer says so", () => {
    expect(nextStepStatusOf({ dueAt: DUE_ISO, status: "scheduled" }, DUE - 1, 60)).toEqual({ tone: "scheduled", text: "Scheduled" });
    expect(nextStepStatusOf({ dueAt: DUE_ISO, status: "scheduled" }, DUE, 60)).toEqual({ tone: "due", text: "Due now" });
    expect(nextStepStatusOf({ dueAt: DUE_ISO, status: "due" }, DUE + 60 * 60_000, 60)).toEqual({ tone: "overdue", text: "Overdue" });
    expect(nextStepStatusOf({ dueAt: DUE_ISO, status: "overdue" }, DUE - 1, 60).tone).toBe("overdue");
  });
});

describe("nextStepInputOf", () => {
  it("reads the due time in the person's zone and leaves the owner out for the lead's owner", () => {
    expect(nextStepInputOf({ action: " Call back ", due: "2026-03-02T11:00", ownerId: "" }, "Europe/Berlin")).toEqual({ input: { action: "Call back", dueAt: DUE_ISO } });
    expect(nextStepInputOf({ action: "Call back", due: "2026-03-02T10:00", ownerId: "user_2" }, "UTC")).toEqual({ input: { action: "Call back", dueAt: DUE_ISO, ownerId: "user_2" } });
  });

  it("names the field that is missing", () => {
    expect(nextStepInputOf({ action: " ", due: "2026-03-02T10:00", ownerId: "" }, "UTC")).toMatchObject({ field: "action" });
    expect(nextStepInputOf({ action: "Call", due: "", ownerId: "" }, "UTC")).toMatchObject({ field: "dueAt" });
  });
});

describe("completionOf", () => {
  it("sends the outcome alone when no following step is typed", () => {
    expect(completionOf(formOf({ outcome: "Agreed a demo", "next.action": "", "next.due": "" }), "UTC")).toEqual({ done: { outcome: "Agreed a demo" } });
    expect(completionOf(formOf({}), "UTC")).toEqual({ done: {} });
  });

  it("adds the following step, or names its missing field", () => {
    const form = formOf({ outcome: "", "next.action": "Send the proposal", "next.due": "2026-03-02T10:00", "next.ownerId": "" });
    expect(completionOf(form, "UTC")).toEqual({ done: { next: { action: "Send the proposal", dueAt: DUE_ISO } } });
    expect(completionOf(formOf({ "next.action": "Send the proposal" }), "UTC")).toMatchObject({ field: "dueAt" });
  });
});
