import type { ScorePreviewItem } from "../../../api/scoring.js";
import { BUCKET_LABELS } from "../../../format/format-score.js";

/** How the draft moves one lead: points up or down, and its new bucket when that changes (null: same bucket or never scored). */
export function previewChange(item: ScorePreviewItem): { points: number | null; newBucket: string | null } {
  if (item.current === null) return { points: null, newBucket: null };
  return { points: item.preview.score - item.current.score, newBucket: item.preview.bucket === item.current.bucket ? null : BUCKET_LABELS[item.preview.bucket] };
}

/** One line over the preview: "2 of 10 sample leads change bucket; 7 change score." */
export function previewSummary(items: readonly ScorePreviewItem[]): string {
  if (items.length === 0) return "No open leads to preview yet: capture a few and they show here.";
  const changes = items.map(previewChange);
  const moved = changes.filter((change) => change.newBucket !== null).length;
  const rescored = changes.filter((change) => change.points !== null && change.points !== 0).length;
  const leads = `${items.length} sample ${items.length === 1 ? "lead" : "leads"}`;
  if (moved === 0 && rescored === 0) return `The draft scores the ${leads} as the saved rules do.`;
  return `${moved} of ${leads} ${moved === 1 ? "changes" : "change"} bucket; ${rescored} ${rescored === 1 ? "changes" : "change"} score.`;
}
