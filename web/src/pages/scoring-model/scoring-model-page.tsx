import { useState } from "react";
import { getScoringConfig, getScoringModel, type ModelView, trainScoringModel } from "../../api/scoring.js";
import { userCan } from "../../app/permissions.js";
import { useSessionUser } from "../../app/session-context.js";
import { AppLink } from "../../components/app-link.js";
import { FormAlert } from "../../components/form-alert.js";
import { problemMessageOf } from "../../components/form-problem.js";
import { formatDateTime } from "../../format/format-time.js";
import { useDocumentTitle } from "../../hooks/use-document-title.js";
import { useResource } from "../../hooks/use-resource.js";
import { ownerName, useTeam } from "../../hooks/use-team.js";
import { CloseRates } from "./close-rates.js";
import { DriftAlerts } from "./drift-alerts.js";
import { ModelReportView } from "./model-report.js";
import { readinessFacts } from "./model-words.js";
import "./scoring-model.css";

/** `/scoring/model`: whether the learned model can be trained, how good the current one is, close rates by month and drift alerts. */
export function ScoringModelPage() {
  useDocumentTitle("Scoring model");
  const user = useSessionUser();
  const team = useTeam();
  const canTrain = userCan(user, "scoring:manage");
  const model = useResource("scoring-model", getScoringModel);
  const config = useResource("scoring-config", getScoringConfig);
  const [isTraining, setIsTraining] = useState(false);
  const [trainStatus, setTrainStatus] = useState("");
  const [trainError, setTrainError] = useState<string | null>(null);
  const data = model.data;
  const criterionLabel = (key: string) => config.data?.criteria.find((criterion) => criterion.key === key)?.label ?? key;
  const trainedBy = (actor: string) => (actor.startsWith("user:") ? ownerName(team, actor.slice("user:".length)) : actor);

  async function handleTrain() {
    setIsTraining(true);
    setTrainStatus("");
    setTrainError(null);
    try {
      const trained = await trainScoringModel();
      setTrainStatus(`Version ${trained.version} trained; new scores use it.`);
      model.reload();
    } catch (error) {
      setTrainError(problemMessageOf(error));
    } finally {
      setIsTraining(false);
    }
  }

  return (
    <section className="page scoring-model-page">
      <div className="page-title">
        <h1>Scoring model</h1>
        {canTrain && data && (
          <button type="button" disabled={isTraining || !data.readiness.isReady} onClick={() => void handleTrain()}>
            {isTraining ? "Training…" : "Train a new model"}
          </button>
        )}
      </div>
      <p className="muted">
        A logistic regression learned from this workspace's closed leads (won against lost and disqualified), checked by cross-validation. Scores blend it with the rules by the model weight in{" "}
        <AppLink href="/settings/scoring">the scoring rules</AppLink>.
      </p>
      <FormAlert message={model.error ?? trainError} />
      <p className="muted small" role="status">
        {trainStatus}
      </p>
      {data && <Readiness readiness={data.readiness} />}
      {data && <CurrentModel current={data.current} timeZone={user.timezone} trainedBy={trainedBy} />}
      {data && (
        <section className="panel" aria-labelledby="close-rates-title">
          <h2 id="close-rates-title">Close rate by month</h2>
          <CloseRates monthly={data.monthly} criterionLabel={criterionLabel} />
        </section>
      )}
      {data && <DriftAlerts alerts={data.driftAlerts} timeZone={user.timezone} />}
    </section>
  );
}

function Readiness({ readiness }: { readiness: ModelView["readiness"] }) {
  return (
    <section className={readiness.isReady ? "panel" : "panel readiness-short"} aria-labelledby="readiness-title">
      <h2 id="readiness-title">History</h2>
      {!readiness.isReady && <p className="readiness-message">{readiness.message}</p>}
      <p className="small">{readinessFacts(readiness)}</p>
      {!readiness.isReady && <p className="muted small">Until then scores come from the rules alone.</p>}
    </section>
  );
}

type CurrentModelProps = { current: ModelView["current"]; timeZone: string; trainedBy: (actor: string) => string };

function CurrentModel({ current, timeZone, trainedBy }: CurrentModelProps) {
  return (
    <section className="panel" aria-labelledby="current-model-title">
      <h2 id="current-model-title">{current ? `Model in use: version ${current.version}` : "Model in use"}</h2>
      {current ? (
        <>
          <p className="muted small">
            Trained {formatDateTime(current.trainedAt, timeZone)} by {trainedBy(current.trainedBy)} on {current.report.closed} closed leads ({current.report.wins} won), {current.report.folds}-fold
            cross-validated.
          </p>
          <ModelReportView report={current.report} />
        </>
      ) : (
        <p className="muted">No model trained yet: scores come from the rules alone.</p>
      )}
    </section>
  );
}
