import { useEffect, useRef, useState } from "react";
import { previewScoring, type ScoringConfig, type ScorePreviewItem } from "../../../api/scoring.js";
import { type ConfigProblem, configProblemOf, problemDetail } from "../pipeline/config-field.js";

/** Waits this long after the last edit: typing "25" previews once, not for "2" and then "25". */
const PREVIEW_DELAY_MS = 400;

const CONFIG_PREFIX = "config.";

/** A refused preview points into its body (`config.fitRules.2.points`); the editor's paths start at the rules (`fitRules.2.points`). */
export function previewProblemOf(failure: unknown): ConfigProblem {
  const problem = configProblemOf(failure);
  if (!problem.field?.startsWith(CONFIG_PREFIX)) return problem;
  return { field: problem.field.slice(CONFIG_PREFIX.length), detail: problemDetail(problem) };
}

export type ScorePreview = {
  /** The sample leads scored by the draft; the last good answer stays while a newer one is out or refused. */
  items: ScorePreviewItem[] | null;
  /** Why the draft cannot be scored (a box the API refuses), or why the request failed. */
  problem: ConfigProblem | null;
  isPending: boolean;
};

/**
 * Scores the sample leads by the draft rules after each pause in editing. The first answer picks
 * the sample (the API's recent open leads); later previews ask for the same leads, so the rows
 * stay put while the rules change. The older of two answers never wins.
 */
export function useScorePreview(config: ScoringConfig, isEnabled: boolean): ScorePreview {
  const [preview, setPreview] = useState<ScorePreview>({ items: null, problem: null, isPending: isEnabled });
  const sample = useRef<string[] | undefined>(undefined);
  // NaN (a box left empty) is sent as null, as the key says.
  const key = JSON.stringify(config);

  useEffect(() => {
    if (!isEnabled) return;
    setPreview((current) => ({ ...current, isPending: true }));
    const controller = new AbortController();
    const timer = setTimeout(() => {
      previewScoring(JSON.parse(key) as ScoringConfig, { leadIds: sample.current, signal: controller.signal }).then(
        (items) => {
          if (items.length > 0) sample.current ??= items.map((item) => item.leadId);
          setPreview({ items, problem: null, isPending: false });
        },
        (failure: unknown) => controller.signal.aborted || setPreview((current) => ({ items: current.items, problem: previewProblemOf(failure), isPending: false })),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, isEnabled]);

  return preview;
}
