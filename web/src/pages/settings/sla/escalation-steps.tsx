import type { EscalationStep } from "../../../api/sla-policies.js";
import { ESCALATION_ACTIONS, type EscalationAction } from "../../../../../src/domain/sla/sla-policy.js";

/** Escalation actions in words. */
export const ESCALATION_LABELS: Record<EscalationAction, string> = {
  notify_owner: "Remind the owner",
  reassign: "Reassign to the backup or next available",
  notify_manager: "Tell the manager",
};

type EscalationStepsProps = { value: EscalationStep[]; onChange: (next: EscalationStep[]) => void };

/** What happens after a breach, and how many minutes after it. */
export function EscalationSteps({ value, onChange }: EscalationStepsProps) {
  const set = (index: number, change: Partial<EscalationStep>) => onChange(value.map((step, i) => (i === index ? { ...step, ...change } : step)));
  return (
    <fieldset className="escalation">
      <legend>Escalation after a breach</legend>
      {value.length === 0 && <p className="muted small">None: a breach is only recorded.</p>}
      {value.map((step, index) => (
        <div className="condition-row" key={index}>
          <select aria-label={`Step ${index + 1} action`} value={step.action} onChange={(event) => set(index, { action: event.target.value as EscalationAction })}>
            {ESCALATION_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {ESCALATION_LABELS[action]}
              </option>
            ))}
          </select>
          <input
            aria-label={`Step ${index + 1} minutes after the breach`}
            type="number"
            min="0"
            step="1"
            value={step.afterBreachMinutes}
            onChange={(event) => set(index, { afterBreachMinutes: Number(event.target.value) })}
          />
          <span className="muted small">min after the breach</span>
          <button type="button" className="button-link" aria-label={`Remove step ${index + 1}`} onClick={() => onChange(value.filter((_, i) => i !== index))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="button-quiet" onClick={() => onChange([...value, { action: "notify_manager", afterBreachMinutes: (value.at(-1)?.afterBreachMinutes ?? 0) + 15 }])}>
        Add step
      </button>
    </fieldset>
  );
}
