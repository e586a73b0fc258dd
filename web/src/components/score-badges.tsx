import type { Bucket, IntentLevel } from "../api/scoring.js";
import { BUCKET_LABELS, INTENT_LEVEL_LABELS } from "../format/format-score.js";
import "./score-badges.css";

/** A lead's bucket as a coloured badge: hot, warm, cold or unqualified. */
export function BucketBadge({ bucket }: { bucket: Bucket }) {
  return <span className={`badge badge-bucket-${bucket}`}>{BUCKET_LABELS[bucket]}</span>;
}

/** A lead's intent level as a quiet badge. */
export function IntentBadge({ level }: { level: IntentLevel }) {
  return <span className={`badge badge-intent-${level}`}>{INTENT_LEVEL_LABELS[level]}</span>;
}
