import type { LeadScore, ScorePreviewItem } from "../../../api/scoring.js";
import { AppLink } from "../../../components/app-link.js";
import { FormAlert } from "../../../components/form-alert.js";
import { BucketBadge } from "../../../components/score-badges.js";
import { formatPoints } from "../../../format/format-score.js";
import { problemDetail } from "../pipeline/config-field.js";
import { previewChange, previewSummary } from "./preview-words.js";
import type { ScorePreview } from "./use-score-preview.js";

/** How many contributions each sample lead shows: the ones that move its score most. */
const TOP_CONTRIBUTIONS = 3;

type ScorePreviewTableProps = { preview: ScorePreview; placeOf: (field: string) => string };

/** The sample leads scored now and by the draft, side by side, with what moves each preview score most. */
export function ScorePreviewTable({ preview: { items, problem, isPending }, placeOf }: ScorePreviewTableProps) {
  const refusal = problem && `Preview paused. ${problem.field ? `${placeOf(problem.field)}: ` : ""}${problemDetail(problem)}`;
  return (
    <section className="panel score-preview" aria-labelledby="score-preview-title" aria-busy={isPending}>
      <div className="panel-head">
        <h2 id="score-preview-title">Preview on sample leads</h2>
        <span className="muted small">{isPending ? "Scoring…" : ""}</span>
      </div>
      <FormAlert message={refusal} />
      {items === null && !problem && <p className="muted">Scoring the sample leads…</p>}
      {items && (
        <p className="muted small" role="status">
          {previewSummary(items)}
        </p>
      )}
      {items && items.length > 0 && (
        <table className="lead-table preview-table">
          <thead>
            <tr>
              <th scope="col">Lead</th>
              <th scope="col">Now</th>
              <th scope="col">Draft</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <PreviewRow key={item.leadId} item={item} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function PreviewRow({ item }: { item: ScorePreviewItem }) {
  const { points, newBucket } = previewChange(item);
  return (
    <tr aria-label={item.name}>
      <td>
        <AppLink href={`/leads/${encodeURIComponent(item.leadId)}`}>{item.name}</AppLink>
        {item.company && <div className="muted small">{item.company}</div>}
        <ul className="contribution-list small" aria-label={`Why ${item.name} scores ${item.preview.score}`}>
          {item.preview.contributions.slice(0, TOP_CONTRIBUTIONS).map((contribution) => (
            <li key={contribution.ruleId} title={contribution.words}>
              <span className="points">{formatPoints(contribution.points)}</span> {contribution.label}
            </li>
          ))}
        </ul>
      </td>
      <td className="current-score">{item.current ? <ScoreCell score={item.current} /> : <span className="muted small">Not scored</span>}</td>
      <td className="preview-score">
        <ScoreCell score={item.preview} />
        {points !== null && points !== 0 && <div className="small score-change">{formatPoints(points)}</div>}
        {newBucket && <div className="small score-change">now {newBucket}</div>}
      </td>
    </tr>
  );
}

function ScoreCell({ score }: { score: Pick<LeadScore, "score" | "bucket"> }) {
  return (
    <div className="score-cell">
      <strong className="score-value">{score.score}</strong> <BucketBadge bucket={score.bucket} />
    </div>
  );
}
