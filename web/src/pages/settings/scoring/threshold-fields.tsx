import { TextField } from "../../../components/text-field.js";
import { type ConfigProblem, errorAt } from "../pipeline/config-field.js";
import type { ScoringDraft } from "./scoring-draft.js";

type ThresholdFieldsProps = { draft: ScoringDraft; problem: ConfigProblem | null; onChange: (change: Partial<ScoringDraft>) => void };

/** Where the buckets and intent levels start, how fit and intent mix, and how much the model counts. */
export function ThresholdFields({ draft, problem, onChange }: ThresholdFieldsProps) {
  const { buckets, intentLevels } = draft;
  const fitShare = Number(draft.fitSharePercent);
  return (
    <>
      <fieldset>
        <legend>Buckets: the lowest score of each (below cold: unqualified)</legend>
        <div className="field-row">
          <TextField label="Hot from" name="buckets.hot" type="number" min="0" max="100" step="1" value={buckets.hot} error={errorAt(problem, "buckets.hot")} onChange={(event) => onChange({ buckets: { ...buckets, hot: event.target.value } })} />
          <TextField label="Warm from" name="buckets.warm" type="number" min="0" max="100" step="1" value={buckets.warm} error={errorAt(problem, "buckets.warm")} onChange={(event) => onChange({ buckets: { ...buckets, warm: event.target.value } })} />
          <TextField label="Cold from" name="buckets.cold" type="number" min="0" max="100" step="1" value={buckets.cold} error={errorAt(problem, "buckets.cold")} onChange={(event) => onChange({ buckets: { ...buckets, cold: event.target.value } })} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Intent levels: the lowest intent part of each (below medium: low)</legend>
        <div className="field-row">
          <TextField
            label="High intent from"
            name="intentLevels.high"
            type="number"
            min="0"
            max="100"
            step="1"
            value={intentLevels.high}
            error={errorAt(problem, "intentLevels.high")}
            onChange={(event) => onChange({ intentLevels: { ...intentLevels, high: event.target.value } })}
          />
          <TextField
            label="Medium intent from"
            name="intentLevels.medium"
            type="number"
            min="0"
            max="100"
            step="1"
            value={intentLevels.medium}
            error={errorAt(problem, "intentLevels.medium")}
            onChange={(event) => onChange({ intentLevels: { ...intentLevels, medium: event.target.value } })}
          />
          <TextField
            label="High-intent window (days)"
            name="highIntentWindowDays"
            type="number"
            min="1"
            step="1"
            value={draft.highIntentWindowDays}
            error={errorAt(problem, "highIntentWindowDays")}
            onChange={(event) => onChange({ highIntentWindowDays: event.target.value })}
          />
        </div>
        <p className="muted small">A high-intent signal inside the window makes the level high, whatever the intent part; any other action inside it makes it at least medium.</p>
      </fieldset>
      <fieldset>
        <legend>Mix</legend>
        <div className="field-row">
          <TextField
            label="Fit share of the rule score (%)"
            name="fitShare"
            type="number"
            min="0"
            max="100"
            step="5"
            value={draft.fitSharePercent}
            error={errorAt(problem, "fitShare")}
            onChange={(event) => onChange({ fitSharePercent: event.target.value })}
          />
          <TextField
            label="Model weight in the score (%)"
            name="modelWeight"
            type="number"
            min="0"
            max="100"
            step="5"
            value={draft.modelWeightPercent}
            error={errorAt(problem, "modelWeight")}
            onChange={(event) => onChange({ modelWeightPercent: event.target.value })}
          />
        </div>
        <p className="muted small">
          {Number.isFinite(fitShare) && fitShare >= 0 && fitShare <= 100 ? `Rule score = ${fitShare}% fit + ${Math.round((100 - fitShare) * 10) / 10}% intent. ` : ""}
          The model's share applies only once a model is trained on enough closed leads.
        </p>
      </fieldset>
    </>
  );
}
