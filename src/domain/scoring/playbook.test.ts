import { describe, expect, it } from "vitest";
import { refusedField } from "../../../test/support/domain-failure.js";
import { checkPlaybookInput, choosePlaybook, type PlaybookInput } from "./playbook.js";

const INPUT: PlaybookInput = { name: "Demo requests", intentLevel: "high", source: null, slaPolicyId: null, sequenceId: null, stageGuidance: null };

describe("checkPlaybookInput", () => {
  it("tidies names, sources, references and guidance", () => {
    const checked = checkPlaybookInput({ name: "  Demo   requests ", intentLevel: "high", source: " Webinar ", slaPolicyId: " sla_fast ", sequenceId: "seq_1", stageGuidance: "  Call within the hour.  " });
    expect(checked).toEqual({ name: "Demo requests", intentLevel: "high", source: "Webinar", slaPolicyId: "sla_fast", sequenceId: "seq_1", stageGuidance: "Call within the hour." });
  });

  it("takes blank stage guidance as none", () => {
    expect(checkPlaybookInput({ ...INPUT, stageGuidance: "   " }).stageGuidance).toBeNull();
  });

  it("takes the longest texts allowed", () => {
    const checked = checkPlaybookInput({ ...INPUT, name: "n".repeat(80), source: "s".repeat(200), stageGuidance: "g".repeat(2000) });
    expect([checked.name.length, checked.source?.length, checked.stageGuidance?.length]).toEqual([80, 200, 2000]);
  });

  it.each([
    [{ name: "  " }, "name"],
    [{ name: "n".repeat(81) }, "name"],
    [{ intentLevel: "urgent" as never }, "intentLevel"],
    [{ source: "" }, "source"],
    [{ source: "s".repeat(201) }, "source"],
    [{ slaPolicyId: " " }, "slaPolicyId"],
    [{ sequenceId: "" }, "sequenceId"],
    [{ stageGuidance: "g".repeat(2001) }, "stageGuidance"],
  ])("refuses %j naming %s", (change, field) => {
    expect(refusedField(() => checkPlaybookInput({ ...INPUT, ...change }), "invalid")).toBe(field);
  });
});

describe("choosePlaybook", () => {
  const anySource = { id: "any_high", intentLevel: "high" as const, source: null };
  const webinar = { id: "webinar_high", intentLevel: "high" as const, source: "Webinar" };
  const lowAny = { id: "any_low", intentLevel: "low" as const, source: null };
  const playbooks = [anySource, webinar, lowAny];

  it("prefers the playbook for the lead's own source, whatever its case", () => {
    expect(choosePlaybook(playbooks, "high", "webinar")).toBe(webinar);
    expect(choosePlaybook(playbooks, "high", "WEBINAR")).toBe(webinar);
  });

  it("falls back to the playbook for any source", () => {
    expect(choosePlaybook(playbooks, "high", "google_ads")).toBe(anySource);
    expect(choosePlaybook(playbooks, "high", null)).toBe(anySource);
    expect(choosePlaybook(playbooks, "low", "webinar")).toBe(lowAny);
  });

  it("finds none when no playbook covers the intent level", () => {
    expect(choosePlaybook(playbooks, "medium", "webinar")).toBeNull();
    expect(choosePlaybook([webinar], "high", "google_ads")).toBeNull();
    expect(choosePlaybook([], "high", null)).toBeNull();
  });
});
