import { useId } from "react";
import type { Lead } from "../../api/leads.js";
import type { ProofAsset } from "../../api/proof-assets.js";
import type { SequenceStep, StepChannel } from "../../api/sequences.js";
import { FieldError } from "../../components/field-error.js";
import { TextAreaField } from "../../components/text-area-field.js";
import { TextField } from "../../components/text-field.js";
import { STEP_CHANNELS } from "../../../../src/domain/sequences/sequence.js";
import { type ConfigProblem, errorAt, errorWithin } from "../settings/pipeline/config-field.js";
import { ProofAssetPicks } from "./proof-asset-picks.js";
import { SendWindowFields } from "./send-window-fields.js";
import { CHANNEL_LABELS } from "./sequence-words.js";
import { StepPreviewButton } from "./step-preview.js";

type StepEditorProps = {
  step: SequenceStep;
  index: number;
  count: number;
  assets: ProofAsset[];
  previewLead: Lead | null;
  problem: ConfigProblem | null;
  onChange: (next: SequenceStep) => void;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
};

/** One step: when (day offset and window), how (email or a task by hand), what it says, the proof it links and its preview. */
export function StepEditor({ step, index, count, assets, previewLead, problem, onChange, onMove, onRemove }: StepEditorProps) {
  const id = useId();
  const path = `steps.${index}`;
  const name = `Step ${index + 1}`;
  const set = (change: Partial<SequenceStep>) => onChange({ ...step, ...change });
  const isEmail = step.channel === "email";
  return (
    <fieldset className={errorWithin(problem, path) ? "step-editor has-problem" : "step-editor"}>
      <legend>{name}</legend>
      <div className="rule-actions step-actions">
        <button type="button" className="button-quiet" aria-label={`Move ${name.toLowerCase()} up`} disabled={index === 0} onClick={() => onMove(-1)}>
          ↑
        </button>
        <button type="button" className="button-quiet" aria-label={`Move ${name.toLowerCase()} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
          ↓
        </button>
        <button type="button" className="button-quiet" aria-label={`Remove ${name.toLowerCase()}`} disabled={count === 1} onClick={onRemove}>
          Remove
        </button>
      </div>
      <div className="field-row">
        <TextField label="Day" name="dayOffset" type="number" min="0" step="1" value={step.dayOffset} onChange={(event) => set({ dayOffset: Number(event.target.value) })} error={errorAt(problem, `${path}.dayOffset`)} />
        <div className="field">
          <label htmlFor={`${id}-channel`}>Channel</label>
          <select id={`${id}-channel`} value={step.channel} onChange={(event) => set({ channel: event.target.value as StepChannel })}>
            {STEP_CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {CHANNEL_LABELS[channel]}
              </option>
            ))}
          </select>
          <FieldError message={errorAt(problem, `${path}.channel`)} />
        </div>
      </div>
      {isEmail && <TextField label="Subject" name="subject" value={step.subject} maxLength={300} onChange={(event) => set({ subject: event.target.value })} error={errorAt(problem, `${path}.subject`)} />}
      <TextAreaField
        label={isEmail ? "Body" : "What to do"}
        hint={isEmail ? "Plain text. Linked proof follows it." : "The task in the owner's queue when it falls due."}
        rows={isEmail ? 6 : 2}
        value={step.body}
        onChange={(event) => set({ body: event.target.value })}
        error={errorAt(problem, `${path}.body`)}
      />
      <SendWindowFields window={step.window} path={`${path}.window`} problem={problem} onChange={(window) => set({ window })} />
      {isEmail && <ProofAssetPicks assets={assets} chosenIds={step.proofAssetIds} error={errorWithin(problem, `${path}.proofAssetIds`)} onChange={(proofAssetIds) => set({ proofAssetIds })} />}
      <FieldError message={errorAt(problem, path)} />
      <StepPreviewButton step={step} stepName={name} lead={previewLead} />
    </fieldset>
  );
}
