import { ApiError } from "../../../api/client.js";
import type { PipelineConfig } from "../../../api/pipeline.js";
import { problemMessageOf } from "../../../components/form-problem.js";

/** A refused save: the API's field path (`stages.2.exitChecklist.0.label`) and what is wrong with it. */
export type ConfigProblem = { field: string | null; detail: string };

/** The full field path (not only its last part, as formProblemOf keeps) locates the row or step it is about. */
export function configProblemOf(error: unknown): ConfigProblem {
  return { field: error instanceof ApiError ? (error.field ?? null) : null, detail: problemMessageOf(error) };
}

const LIST_NAMES: Record<string, string> = {
  qualificationCriteria: "Qualification criterion",
  disqualificationReasons: "Disqualification reason",
  lostReasons: "Lost reason",
};

const FIELD_NAMES: Record<string, string> = {
  stages: "Stages",
  key: "key",
  name: "name",
  label: "label",
  question: "question",
  goal: "goal",
  mustHappen: "what must happen",
  talkingPoints: "talking points",
  exitChecklist: "exit checklist",
  checklistMode: "checklist mode",
  maxDaysInStage: "days before stalled",
  milestone: "milestone",
  requiresNote: "needs a note",
  nextStepOverdueAfterMinutes: "Next step overdue after (minutes)",
  expectationTolerancePercent: "Expectation tolerance (%)",
  qualificationCriteria: "Qualification criteria",
  disqualificationReasons: "Disqualification reasons",
  lostReasons: "Lost reasons",
};

/**
 * Where a field path points, in the words of the settings screen:
 * `stages.2.exitChecklist.0.label` → "Stage 3 (Qualified) › exit checklist item 1 › label".
 */
export function fieldPlace(config: PipelineConfig, field: string): string {
  const [list, index, ...rest] = field.split(".");
  const position = Number(index);
  if (list === undefined) return field;
  if (index === undefined || !Number.isInteger(position)) return FIELD_NAMES[list] ?? field;
  const parts: string[] = [];
  if (list === "stages") {
    const name = config.stages[position]?.name;
    parts.push(`Stage ${position + 1}${name ? ` (${name})` : ""}`);
  } else {
    parts.push(`${LIST_NAMES[list] ?? list} ${position + 1}`);
  }
  const [child, childIndex, ...leaf] = rest;
  if (child !== undefined) {
    const childPosition = Number(childIndex);
    if (child === "exitChecklist" && Number.isInteger(childPosition)) parts.push(`exit checklist item ${childPosition + 1}`);
    else if (child === "talkingPoints" && Number.isInteger(childPosition)) parts.push(`talking point ${childPosition + 1}`);
    else parts.push(FIELD_NAMES[child] ?? child);
    for (const name of leaf) parts.push(FIELD_NAMES[name] ?? name);
  }
  return parts.join(" › ");
}

/** The problem's detail without the path prefix the API puts in front ("stages.2.name: must…" → "must…"). */
export function problemDetail(problem: ConfigProblem): string {
  return problem.field && problem.detail.startsWith(`${problem.field}: `) ? problem.detail.slice(problem.field.length + 2) : problem.detail;
}

/** The message beside the field at `path`, when the problem is about exactly that field. */
export function errorAt(problem: ConfigProblem | null, path: string): string | undefined {
  return problem && problem.field === path ? problemDetail(problem) : undefined;
}

/** The stage a problem is about (`stages.3…` → 3), to show that stage's editor. */
export function stageIndexOf(problem: ConfigProblem | null): number | null {
  const match = problem?.field ? /^stages\.(\d+)(\.|$)/.exec(problem.field) : null;
  return match ? Number(match[1]) : null;
}

/** The message for anything at or under `path` (a row and its boxes), shown once beside that row. */
export function errorWithin(problem: ConfigProblem | null, path: string): string | undefined {
  const field = problem?.field;
  return problem && field && (field === path || field.startsWith(`${path}.`)) ? problemDetail(problem) : undefined;
}
