import { invalidField } from "../errors.js";
import { INTENT_LEVELS, type IntentLevel } from "./scoring-config.js";

/**
 * What to do with leads of one intent level, optionally only those from one source: the SLA
 * policy to apply, the sequence to enrol them in and the guidance the lead page shows.
 */
export type Playbook = {
  id: string;
  name: string;
  intentLevel: IntentLevel;
  /** Null: any source. A playbook for the lead's own source wins over one without. */
  source: string | null;
  slaPolicyId: string | null;
  sequenceId: string | null;
  /** What the rep should do at this intent level, shown on the lead page. */
  stageGuidance: string | null;
  createdAt: number;
  updatedAt: number;
};

/** A playbook as a manager writes it. */
export type PlaybookInput = Pick<Playbook, "name" | "intentLevel" | "source" | "slaPolicyId" | "sequenceId" | "stageGuidance">;

export const PLAYBOOK_LIMITS = { maxNameLength: 80, maxSourceLength: 200, maxStageGuidanceLength: 2000 } as const;

function checkText(value: string, field: string, maxLength: number): string {
  const text = value.trim();
  if (text === "") throw invalidField(field, "must not be empty");
  if (text.length > maxLength) throw invalidField(field, `must be at most ${maxLength} characters`);
  return text;
}

function checkReference(value: string | null, field: string): string | null {
  if (value === null) return null;
  const id = value.trim();
  if (id === "") throw invalidField(field, "must not be empty (null: none)");
  return id;
}

/**
 * Checks a playbook before it is saved and returns it tidied: name and source trimmed (inner
 * runs of spaces in the name collapsed), blank stage guidance as none. Every problem names its
 * field. Whether the SLA policy and sequence exist is for the caller, which can look them up.
 */
export function checkPlaybookInput(input: PlaybookInput): PlaybookInput {
  const name = checkText(input.name.replace(/\s+/g, " "), "name", PLAYBOOK_LIMITS.maxNameLength);
  if (!INTENT_LEVELS.includes(input.intentLevel)) throw invalidField("intentLevel", `must be one of ${INTENT_LEVELS.join(", ")}`);
  const source = input.source === null ? null : checkText(input.source, "source", PLAYBOOK_LIMITS.maxSourceLength);
  const guidance = input.stageGuidance?.trim() ?? "";
  if (guidance.length > PLAYBOOK_LIMITS.maxStageGuidanceLength) throw invalidField("stageGuidance", `must be at most ${PLAYBOOK_LIMITS.maxStageGuidanceLength} characters`);
  return {
    name,
    intentLevel: input.intentLevel,
    source,
    slaPolicyId: checkReference(input.slaPolicyId, "slaPolicyId"),
    sequenceId: checkReference(input.sequenceId, "sequenceId"),
    stageGuidance: guidance === "" ? null : guidance,
  };
}

/** Whether two playbook sources name the same source (case-insensitive; null is "any source"). */
export function isSameSource(a: string | null, b: string | null): boolean {
  return a === null || b === null ? a === b : a.toLowerCase() === b.toLowerCase();
}

/**
 * The playbook for a lead: the one for its intent level and its own source (case-insensitive)
 * wins over the one for its intent level and any source; null when neither exists.
 */
export function choosePlaybook<P extends Pick<Playbook, "intentLevel" | "source">>(playbooks: readonly P[], intentLevel: IntentLevel, source: string | null): P | null {
  const atLevel = playbooks.filter((playbook) => playbook.intentLevel === intentLevel);
  const forSource = source === null ? undefined : atLevel.find((playbook) => playbook.source !== null && isSameSource(playbook.source, source));
  return forSource ?? atLevel.find((playbook) => playbook.source === null) ?? null;
}
