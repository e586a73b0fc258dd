import { type FormEvent, useId, useState } from "react";
import { createPlaybook, type Playbook, type PlaybookInput, savePlaybook } from "../../../api/playbooks.js";
import { INTENT_LEVELS, type IntentLevel } from "../../../api/scoring.js";
import type { Sequence } from "../../../api/sequences.js";
import type { SlaPolicy } from "../../../api/sla-policies.js";
import { FieldError } from "../../../components/field-error.js";
import { FormActions } from "../../../components/form-actions.js";
import { FormAlert } from "../../../components/form-alert.js";
import { TextAreaField } from "../../../components/text-area-field.js";
import { TextField } from "../../../components/text-field.js";
import { useFormSave } from "../../../hooks/use-form-save.js";
import { INTENT_LEVEL_LABELS } from "../../../format/format-score.js";

const FIELDS = ["name", "intentLevel", "source", "slaPolicyId", "sequenceId", "stageGuidance"] as const;

const BLANK: PlaybookInput = { name: "", intentLevel: "high", source: null, slaPolicyId: null, sequenceId: null, stageGuidance: null };

type PlaybookFormProps = { playbook: Playbook | null; policies: SlaPolicy[]; sequences: Sequence[]; onSaved: () => void; onCancel: () => void };

/** Creates or edits a playbook: which leads it is for, the SLA and sequence it applies, and the guidance the lead page shows. */
export function PlaybookForm({ playbook, policies, sequences, onSaved, onCancel }: PlaybookFormProps) {
  const id = useId();
  const [draft, setDraft] = useState<PlaybookInput>(playbook ?? BLANK);
  const { problem, isSaving, submit } = useFormSave(FIELDS);
  const set = (change: Partial<PlaybookInput>) => setDraft((current) => ({ ...current, ...change }));
  // An archived sequence enrols nobody: offered only when this playbook already names it, so it can be seen and replaced.
  const offered = sequences.filter((sequence) => !sequence.isArchived || sequence.id === draft.sequenceId);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { name, intentLevel, source, slaPolicyId, sequenceId, stageGuidance } = draft;
    const body: PlaybookInput = { name: name.trim(), intentLevel, source: source?.trim() || null, slaPolicyId, sequenceId, stageGuidance: stageGuidance?.trim() || null };
    await submit(() => (playbook ? savePlaybook(playbook.id, body) : createPlaybook(body)), onSaved);
  }

  return (
    <form className="panel" onSubmit={handleSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{playbook ? `Edit “${playbook.name}”` : "New playbook"}</h2>
      <FormAlert message={problem.message} />
      <div className="field-row">
        <TextField label="Playbook name" name="name" value={draft.name} maxLength={120} onChange={(event) => set({ name: event.target.value })} error={problem.fieldErrors.name} />
        <div className="field">
          <label htmlFor={`${id}-intent`}>For leads of</label>
          <select id={`${id}-intent`} value={draft.intentLevel} aria-invalid={problem.fieldErrors.intentLevel ? true : undefined} onChange={(event) => set({ intentLevel: event.target.value as IntentLevel })}>
            {INTENT_LEVELS.map((level) => (
              <option key={level} value={level}>
                {INTENT_LEVEL_LABELS[level]}
              </option>
            ))}
          </select>
          <FieldError message={problem.fieldErrors.intentLevel} />
        </div>
        <TextField
          label="Source (blank: any)"
          name="source"
          placeholder="e.g. webinar"
          maxLength={200}
          value={draft.source ?? ""}
          onChange={(event) => set({ source: event.target.value })}
          error={problem.fieldErrors.source}
        />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-sla`}>SLA policy</label>
          <select id={`${id}-sla`} value={draft.slaPolicyId ?? ""} aria-invalid={problem.fieldErrors.slaPolicyId ? true : undefined} onChange={(event) => set({ slaPolicyId: event.target.value || null })}>
            <option value="">Keep the lead's policy</option>
            {policies.map((policy) => (
              <option key={policy.id} value={policy.id}>
                {policy.name} ({policy.targetMinutes} min)
              </option>
            ))}
          </select>
          <FieldError message={problem.fieldErrors.slaPolicyId} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-sequence`}>Sequence to enrol in</label>
          <select id={`${id}-sequence`} value={draft.sequenceId ?? ""} aria-invalid={problem.fieldErrors.sequenceId ? true : undefined} onChange={(event) => set({ sequenceId: event.target.value || null })}>
            <option value="">None</option>
            {offered.map((sequence) => (
              <option key={sequence.id} value={sequence.id}>
                {sequence.name}
                {sequence.isArchived ? " (archived)" : ""}
              </option>
            ))}
          </select>
          <FieldError message={problem.fieldErrors.sequenceId} />
        </div>
      </div>
      <TextAreaField
        label="Stage guidance"
        hint="Shown on the lead page while this playbook runs, e.g. “Call within the hour; offer the demo slot they asked for.”"
        rows={3}
        maxLength={2000}
        value={draft.stageGuidance ?? ""}
        onChange={(event) => set({ stageGuidance: event.target.value })}
        error={problem.fieldErrors.stageGuidance}
      />
      <FormActions label="Save playbook" isSaving={isSaving} onCancel={onCancel} />
    </form>
  );
}
