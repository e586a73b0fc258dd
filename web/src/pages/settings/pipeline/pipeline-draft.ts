import { isClosedMilestone, type PipelineConfig, type StageDefinition } from "../../../api/pipeline.js";
import { PIPELINE_KEY_MAX_LENGTH } from "../../../../../src/domain/pipeline/check-pipeline-config.js";

/**
 * "Decision maker met!" → "decision_maker_met", as the API wants keys (lower-case, digits and _,
 * starting with a letter), made unique against `taken` with _2, _3…; `fallback` when no letter is left.
 */
export function keyFromLabel(label: string, taken: readonly string[], fallback = "item"): string {
  const words = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  // Room for a "_99" suffix within the API's limit.
  const base = (/^[a-z]/.test(words) ? words : `${fallback}${words ? `_${words}` : ""}`).slice(0, PIPELINE_KEY_MAX_LENGTH - 3);
  let key = base;
  for (let suffix = 2; taken.includes(key); suffix += 1) key = `${base}_${suffix}`;
  return key;
}

/** Fills the blank keys of new rows from their labels; keys already set (stored on leads and events) stay. */
export function withDerivedKeys<T extends { key: string }>(items: readonly T[], labelOf: (item: T) => string, fallback?: string): T[] {
  const taken = items.map((item) => item.key).filter(Boolean);
  return items.map((item) => {
    if (item.key) return item;
    const key = keyFromLabel(labelOf(item), taken, fallback);
    taken.push(key);
    return { ...item, key };
  });
}

/** The configuration as the API takes it: keys for new rows, talking points without blank lines. */
export function completeConfig(draft: PipelineConfig): PipelineConfig {
  const stages = withDerivedKeys(draft.stages, (stage) => stage.name, "stage").map((stage) => ({
    ...stage,
    talkingPoints: stage.talkingPoints.map((point) => point.trim()).filter(Boolean),
    exitChecklist: withDerivedKeys(stage.exitChecklist, (item) => item.label),
  }));
  return {
    ...draft,
    stages,
    qualificationCriteria: withDerivedKeys(draft.qualificationCriteria, (criterion) => criterion.label, "criterion"),
    disqualificationReasons: withDerivedKeys(draft.disqualificationReasons, (reason) => reason.label, "reason"),
    lostReasons: withDerivedKeys(draft.lostReasons, (reason) => reason.label, "reason"),
  };
}

/** The list with the item at `index` swapped with its neighbour `offset` (±1) away; unchanged at the ends. */
export function moveItem<T>(items: readonly T[], index: number, offset: -1 | 1): T[] {
  const target = index + offset;
  if (target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

const isClosed = (stage: StageDefinition) => isClosedMilestone(stage.milestone);

/** Adds a blank open stage before the closed ones (won and lost stay last); answers the new list and where the stage went. */
export function addStage(stages: readonly StageDefinition[]): { stages: StageDefinition[]; index: number } {
  const firstClosed = stages.findIndex(isClosed);
  const index = firstClosed < 0 ? stages.length : firstClosed;
  const previous = stages[index - 1];
  const stage: StageDefinition = {
    key: "",
    name: "",
    goal: "",
    mustHappen: "",
    talkingPoints: [],
    exitChecklist: [],
    checklistMode: "warn",
    maxDaysInStage: null,
    milestone: previous && !isClosed(previous) ? previous.milestone : "contacted",
  };
  return { stages: [...stages.slice(0, index), stage, ...stages.slice(index)], index };
}
