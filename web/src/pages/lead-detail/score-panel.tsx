import { useId } from "react";
import { getLeadScore, type LeadScore, type LeadScoreView } from "../../api/scoring.js";
import { FormAlert } from "../../components/form-alert.js";
import { BucketBadge, IntentBadge } from "../../components/score-badges.js";
import { formatPoints } from "../../format/format-score.js";
import { formatDateTime } from "../../format/format-time.js";
import { useResource } from "../../hooks/use-resource.js";
import { historyPolyline, partName, scoreParts } from "./score-words.js";
import "./score-panel.css";

/** How many rescorings the history lists before "all". */
const RECENT_HISTORY = 5;

type ScorePanelProps = { leadId: string; revision: string; timeZone: string };

/** The lead's score: 0–100 with bucket and intent level, its parts and why, the playbook running, and how it moved. */
export function ScorePanel({ leadId, revision, timeZone }: ScorePanelProps) {
  const id = useId();
  const score = useResource(`${leadId}@${revision}`, (signal) => getLeadScore(leadId, signal));
  const current = score.data?.current ?? null;
  return (
    <section className="panel score-panel" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Score</h2>
        {current && <BucketBadge bucket={current.bucket} />}
        {current && <IntentBadge level={current.intentLevel} />}
      </div>
      <FormAlert message={score.error} />
      {score.data && !current && <p className="muted">Not scored yet.</p>}
      {current && <CurrentScore score={current} timeZone={timeZone} />}
      {score.data && <RunningPlaybook playbook={score.data.playbook} />}
      {score.data && score.data.history.length > 0 && <ScoreHistory history={score.data.history} timeZone={timeZone} />}
    </section>
  );
}

function CurrentScore({ score, timeZone }: { score: LeadScore; timeZone: string }) {
  return (
    <>
      <div className="score-summary">
        <span className="score-number">{score.score}</span>
        <span className="muted">/ 100</span>
        <dl className="score-parts">
          {scoreParts(score).map((part) => (
            <div key={part.name}>
              <dt>{part.name}</dt>
              <dd>{part.value}</dd>
            </div>
          ))}
        </dl>
      </div>
      <ul className="score-explanation" aria-label="Why this score">
        {score.explanation.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
      {score.contributions.length > 0 && (
        <details>
          <summary>All {score.contributions.length} contributions</summary>
          <ul className="contribution-lines">
            {score.contributions.map((contribution) => (
              <li key={`${contribution.part}:${contribution.ruleId}`}>
                <span className="points">{formatPoints(contribution.points)}</span> <span className="muted small">{partName(contribution.part)}</span> {contribution.words}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="muted small">Scored {formatDateTime(score.scoredAt, timeZone)}</p>
    </>
  );
}

function RunningPlaybook({ playbook }: { playbook: LeadScoreView["playbook"] }) {
  if (!playbook) return <p className="muted small">No playbook running.</p>;
  return (
    <div className="running-playbook">
      <p>
        <strong>Playbook: {playbook.name}</strong> <span className="muted small">— {playbook.reason}</span>
      </p>
      {playbook.stageGuidance && <p className="stage-guidance">{playbook.stageGuidance}</p>}
    </div>
  );
}

/** Sparkline size in SVG units; it stretches to the panel's width. */
const SPARK_WIDTH = 200;
const SPARK_HEIGHT = 40;

function ScoreHistory({ history, timeZone }: { history: LeadScoreView["history"]; timeZone: string }) {
  const newestFirst = [...history].reverse();
  const line = (point: LeadScoreView["history"][number], index: number) => (
    <li key={`${point.at}:${index}`}>
      <strong>{point.score}</strong> <BucketBadge bucket={point.bucket} /> <span className="muted small">{formatDateTime(point.at, timeZone)}</span>
    </li>
  );
  return (
    <div className="score-history">
      <h3 className="panel-subtitle">History</h3>
      {history.length > 1 && (
        <svg className="score-sparkline" viewBox={`0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={`Score over time: ${history.map((point) => point.score).join(", ")}`}>
          <polyline points={historyPolyline(history, SPARK_WIDTH, SPARK_HEIGHT)} fill="none" stroke="currentColor" strokeWidth="2" vectorEffect="non-scaling-stroke" />
        </svg>
      )}
      <ul className="plain-list">{newestFirst.slice(0, RECENT_HISTORY).map(line)}</ul>
      {history.length > RECENT_HISTORY && (
        <details>
          <summary>All {history.length} scores</summary>
          <ul className="plain-list">{newestFirst.slice(RECENT_HISTORY).map(line)}</ul>
        </details>
      )}
    </div>
  );
}
