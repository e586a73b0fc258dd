import { type FormEvent, useId, useState } from "react";
import { changeSlaPolicy, createSlaPolicy, type NewSlaPolicy, type SlaPolicy } from "../../../api/sla-policies.js";
import { FormActions } from "../../../components/form-actions.js";
import { FormAlert } from "../../../components/form-alert.js";
import { TextField } from "../../../components/text-field.js";
import { useFormSave } from "../../../hooks/use-form-save.js";
import { DEFAULT_ESCALATION } from "../../../../../src/domain/sla/sla-policy.js";
import { EscalationSteps } from "./escalation-steps.js";

const FIELDS = ["name", "targetMinutes", "warningShare"] as const;

const BLANK: NewSlaPolicy = { name: "", targetMinutes: 60, warningShare: 0.5, clock: "business", isAutomatedResponseEnough: false, escalation: DEFAULT_ESCALATION, isDefault: false };

type SlaPolicyFormProps = { policy: SlaPolicy | null; onSaved: () => void; onCancel: () => void };

/** Creates or edits an SLA policy: target, clock, warning share and escalation chain. */
export function SlaPolicyForm({ policy, onSaved, onCancel }: SlaPolicyFormProps) {
  const id = useId();
  const [draft, setDraft] = useState<NewSlaPolicy>(policy ?? BLANK);
  const { problem, isSaving, submit } = useFormSave(FIELDS);
  const set = (change: Partial<NewSlaPolicy>) => setDraft((current) => ({ ...current, ...change }));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { name, targetMinutes, warningShare, clock, isAutomatedResponseEnough, escalation, isDefault } = draft;
    const body: NewSlaPolicy = { name: name.trim(), targetMinutes, warningShare, clock, isAutomatedResponseEnough, escalation, isDefault };
    await submit(() => (policy ? changeSlaPolicy(policy.id, body) : createSlaPolicy(body)), onSaved);
  }

  return (
    <form className="panel" onSubmit={handleSubmit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{policy ? `Edit “${policy.name}”` : "New SLA policy"}</h2>
      <FormAlert message={problem.message} />
      <div className="field-row">
        <TextField label="Policy name" name="name" value={draft.name} onChange={(event) => set({ name: event.target.value })} required error={problem.fieldErrors.name} />
        <TextField
          label="First response within (minutes)"
          name="targetMinutes"
          type="number"
          min="1"
          step="1"
          value={draft.targetMinutes}
          onChange={(event) => set({ targetMinutes: Number(event.target.value) })}
          error={problem.fieldErrors.targetMinutes}
        />
        <div className="field">
          <label htmlFor={`${id}-clock`}>Counted in</label>
          <select id={`${id}-clock`} value={draft.clock} onChange={(event) => set({ clock: event.target.value === "wall" ? "wall" : "business" })}>
            <option value="business">Business hours only</option>
            <option value="wall">Wall-clock time (every minute)</option>
          </select>
        </div>
        <TextField
          label="Warn after (% of the target, 0: never)"
          name="warningShare"
          type="number"
          min="0"
          max="99"
          step="1"
          value={Math.round(draft.warningShare * 100)}
          onChange={(event) => set({ warningShare: Number(event.target.value) / 100 })}
          error={problem.fieldErrors.warningShare}
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={draft.isAutomatedResponseEnough} onChange={(event) => set({ isAutomatedResponseEnough: event.target.checked })} /> An automated message
        (a sequence email) counts as the first response
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={draft.isDefault} disabled={policy?.isDefault} onChange={(event) => set({ isDefault: event.target.checked })} /> Default policy (for
        rules and leads that name none)
      </label>
      <EscalationSteps value={draft.escalation} onChange={(escalation) => set({ escalation })} />
      <FormActions label={policy ? "Save policy" : "Create policy"} isSaving={isSaving} onCancel={onCancel} />
    </form>
  );
}
