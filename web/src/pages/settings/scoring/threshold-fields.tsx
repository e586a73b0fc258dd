import { TextField } from "../../../components/text-field.js";
import { type ConfigProblem, errorAt } from "../pipeline/config-field.js";
import type { ScoringDraft } from "./scoring-draft.js";

type ThresholdFieldsProps = { draft: ScoringDraft; problem: ConfigProblem | null; onChange: (change: Partial<ScoringDraft>) => void };

/** One number box: where its value sits in the draft, the change typing makes, and the API path its errors name. */
type ThresholdField = {
  label: string;
  name: string;
  min: string;
  max?: string;
  step: string;
  value: (draft: ScoringDraft) => string;
  change: (draft: ScoringDraft, value: string) => Partial<ScoringDraft>;
};

const bucketField = (label: string, bucket: keyof ScoringDraft["buckets"]): ThresholdField => ({
  label,
  name: `buckets.${bucket}`,
  min: "0",
  max: "100",
  step: "1",
  value: (draft) => draft.buckets[bucket],
  change: (draft, value) => ({ buckets: { ...draft.buckets, [bucket]: value } }),
});

const intentLevelField = (label: string, level: keyof ScoringDraft["intentLevels"]): ThresholdField => ({
  label,
  name: `intentLevels.${level}`,
  min: "0",
  max: "100",
  step: "1",
  value: (draft) => draft.intentLevels[level],
  change: (draft, value) => ({ intentLevels: { ...draft.intentLevels, [level]: value } }),
});

const bucketFields = [bucketField("Hot from", "hot"), bucketField("Warm from", "warm"), bucketField("Cold from", "cold")];

const intentFields: ThresholdField[] = [
  intentLevelField("High intent from", "high"),
  intentLevelField("Medium intent from", "medium"),
  { label: "High-intent window (days)", name: "highIntentWindowDays", min: "1", step: "1", value: (draft) => draft.highIntentWindowDays, change: (_draft, value) => ({ highIntentWindowDays: value }) },
];

const mixFields: ThresholdField[] = [
  { label: "Fit share of the rule score (%)", name: "fitShare", min: "0", max: "100", step: "5", value: (draft) => draft.fitSharePercent, change: (_draft, value) => ({ fitSharePercent: value }) },
  { label: "Model weight in the score (%)", name: "modelWeight", min: "0", max: "100", step: "5", value: (draft) => draft.modelWeightPercent, change: (_draft, value) => ({ modelWeightPercent: value }) },
];

/** Where the buckets and intent levels start, how fit and intent mix, and how much the model counts. */
export function ThresholdFields({ draft, problem, onChange }: ThresholdFieldsProps) {
  const fitShare = Number(draft.fitSharePercent);
  const fieldRow = (fields: ThresholdField[]) => (
    <div className="field-row">
      {fields.map(({ label, name, min, max, step, value, change }) => (
        <TextField key={name} label={label} name={name} type="number" min={min} max={max} step={step} value={value(draft)} error={errorAt(problem, name)} onChange={(event) => onChange(change(draft, event.target.value))} />
      ))}
    </div>
  );
  return (
    <>
      <fieldset>
        <legend>Buckets: the lowest score of each (below cold: unqualified)</legend>
        {fieldRow(bucketFields)}
      </fieldset>
      <fieldset>
        <legend>Intent levels: the lowest intent part of each (below medium: low)</legend>
        {fieldRow(intentFields)}
        <p className="muted small">A high-intent signal inside the window makes the level high, whatever the intent part; any other action inside it makes it at least medium.</p>
      </fieldset>
      <fieldset>
        <legend>Mix</legend>
        {fieldRow(mixFields)}
        <p className="muted small">
          {Number.isFinite(fitShare) && fitShare >= 0 && fitShare <= 100 ? `Rule score = ${fitShare}% fit + ${Math.round((100 - fitShare) * 10) / 10}% intent. ` : ""}
          The model's share applies only once a model is trained on enough closed leads.
        </p>
      </fieldset>
    </>
  );
}
