/** The default pipeline, in order; the stage filter offers these until stages become configurable. */
export const DEFAULT_STAGES = ["new", "contacted", "qualified", "proposal", "won", "lost"] as const;

/** "proposal" → "Proposal". */
export function stageLabel(stage: string): string {
  const words = stage.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A lead's stage as a small coloured label. */
export function StageBadge({ stage }: { stage: string }) {
  return <span className={`badge badge-${stage.replace(/[^a-z0-9_-]/gi, "")}`}>{stageLabel(stage)}</span>;
}
