import { type FormEvent, useState } from "react";
import type { Lead } from "../../api/leads.js";
import type { ProofAsset } from "../../api/proof-assets.js";
import { createSequence, saveSequence, type Sequence, type SequenceInput, type SequencePurpose, type TemplateVariable } from "../../api/sequences.js";
import { FieldError } from "../../components/field-error.js";
import { FormActions } from "../../components/form-actions.js";
import { FormAlert } from "../../components/form-alert.js";
import { TextField } from "../../components/text-field.js";
import { type ConfigProblem, configProblemOf, errorAt, problemDetail } from "../settings/pipeline/config-field.js";
import { moveItem } from "../settings/pipeline/pipeline-draft.js";
import { PreviewLeadPicker } from "./preview-lead-picker.js";
import { blankStep, completeInput } from "./sequence-draft.js";
import { NurtureFields } from "./nurture-fields.js";
import { PURPOSE_LABELS } from "./sequence-words.js";
import { StepEditor } from "./step-editor.js";
import { TemplateVariables } from "./template-variables.js";

type SequenceFormProps = {
  /** null: a new sequence. */
  sequence: Sequence | null;
  initial: SequenceInput;
  /** Every sequence, for the nurture sequence to move to. */
  sequences: Sequence[];
  assets: ProofAsset[];
  variables: TemplateVariable[];
  onSaved: (saved: Sequence) => void;
};

/** The sequence editor: name and purpose, where it leads, and its steps; saved as a whole, refusals shown beside their box. */
export function SequenceForm({ sequence, initial, sequences, assets, variables, onSaved }: SequenceFormProps) {
  const [draft, setDraft] = useState(initial);
  const [problem, setProblem] = useState<ConfigProblem | null>(null);
  const [status, setStatus] = useState("");
  const [isSaving, setIsSaving] = useState(false);
  const [previewLead, setPreviewLead] = useState<Lead | null>(null);
  const set = (change: Partial<SequenceInput>) => setDraft((current) => ({ ...current, ...change }));
  const { steps } = draft;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSaving) return;
    setStatus("");
    const body = completeInput(draft);
    setIsSaving(true);
    try {
      const saved = sequence ? await saveSequence(sequence.id, body) : await createSequence(body);
      setProblem(null);
      setStatus("Saved.");
      onSaved(saved);
    } catch (error) {
      setProblem(configProblemOf(error));
    } finally {
      setIsSaving(false);
    }
  }

  /** Adding, moving or removing a step renumbers the steps, so a refusal's field path no longer points where it did. */
  function changeSteps(next: SequenceInput["steps"]) {
    set({ steps: next });
    setProblem(null);
  }

  const refusal = problem ? `Not saved. ${problem.field?.startsWith("steps.") ? `Step ${Number(problem.field.split(".")[1]) + 1}: ` : ""}${problemDetail(problem)}` : null;
  return (
    <form onSubmit={handleSubmit} aria-label="Sequence" noValidate>
      <section className="panel">
        <div className="field-row">
          <TextField label="Sequence name" name="name" value={draft.name} maxLength={120} onChange={(event) => set({ name: event.target.value })} error={errorAt(problem, "name")} />
          <fieldset className="plain-fieldset">
            <legend>Purpose</legend>
            <div className="yes-no">
              {(["follow_up", "nurture"] as SequencePurpose[]).map((purpose) => (
                <label key={purpose} className="checkbox">
                  <input type="radio" name="purpose" value={purpose} checked={draft.purpose === purpose} onChange={() => set({ purpose })} /> {PURPOSE_LABELS[purpose]}
                </label>
              ))}
            </div>
            <FieldError message={errorAt(problem, "purpose")} />
          </fieldset>
        </div>
        <NurtureFields draft={draft} sequences={sequences.filter((one) => one.id !== sequence?.id)} problem={problem} onChange={set} />
      </section>
      <section className="panel" aria-labelledby="steps-title">
        <h2 id="steps-title">Steps</h2>
        <p className="muted small">Days count from enrolment in the lead's time zone (the owner's when the lead has none). Email steps go out from the owner's mailbox; call, LinkedIn and SMS steps become tasks in the owner's queue.</p>
        <TemplateVariables variables={variables} />
        <PreviewLeadPicker lead={previewLead} onChange={setPreviewLead} />
        <FieldError message={errorAt(problem, "steps")} />
        <ol className="step-list" aria-label="Steps, in order">
          {steps.map((step, index) => (
            <li key={index}>
              <StepEditor
                step={step}
                index={index}
                count={steps.length}
                assets={assets}
                previewLead={previewLead}
                problem={problem}
                onChange={(next) => set({ steps: steps.map((one, i) => (i === index ? next : one)) })}
                onMove={(offset) => changeSteps(moveItem(steps, index, offset))}
                onRemove={() => changeSteps(steps.filter((_, i) => i !== index))}
              />
            </li>
          ))}
        </ol>
        <button type="button" className="button-quiet" onClick={() => changeSteps([...steps, blankStep(steps.at(-1))])}>
          Add step
        </button>
      </section>
      <FormActions label={sequence ? "Save sequence" : "Create sequence"} isSaving={isSaving} className="sequence-save-bar">
        <span className="muted small" role="status">
          {status}
        </span>
        <FormAlert message={refusal} />
      </FormActions>
    </form>
  );
}
