import { type FormEvent, useId, useState } from "react";
import { type NewRoutingRule, type RoutingRule, changeRoutingRule, createRoutingRule } from "../../../api/routing.js";
import type { Sequence } from "../../../api/sequences.js";
import type { SlaPolicy } from "../../../api/sla-policies.js";
import type { TeamMember } from "../../../api/users.js";
import { FieldError } from "../../../components/field-error.js";
import { FormActions } from "../../../components/form-actions.js";
import { FormAlert } from "../../../components/form-alert.js";
import { formProblemOf, NO_PROBLEM } from "../../../components/form-problem.js";
import { TextField } from "../../../components/text-field.js";
import { type Pool, PoolPicker } from "../shared/pool-picker.js";
import { ConditionRows } from "./condition-rows.js";
import { type ConditionDraft, conditionOfDraft, textOfValue } from "./condition-text.js";

type RuleFormProps = { rule: RoutingRule | null; team: TeamMember[]; policies: SlaPolicy[]; sequences: Sequence[]; onSaved: () => void; onCancel: () => void };

/** Adds a routing rule, or edits one: its conditions, the pool and strategy, the SLA policy its leads get and the sequence they are enrolled in. */
export function RuleForm({ rule, team, policies, sequences, onSaved, onCancel }: RuleFormProps) {
  const id = useId();
  const [name, setName] = useState(rule?.name ?? "");
  const [isActive, setIsActive] = useState(rule?.isActive ?? true);
  const [conditions, setConditions] = useState<ConditionDraft[]>(rule?.conditions.map((c) => ({ field: c.field, operator: c.operator, text: textOfValue(c.value) })) ?? []);
  const [pool, setPool] = useState<Pool>(rule?.target ?? { userIds: [], strategy: "round_robin" });
  const [slaPolicyId, setSlaPolicyId] = useState(rule?.slaPolicyId ?? "");
  const [sequenceId, setSequenceId] = useState(rule?.sequenceId ?? "");
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [isSaving, setIsSaving] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: NewRoutingRule = { name: name.trim(), isActive, conditions: conditions.map(conditionOfDraft), target: pool, slaPolicyId: slaPolicyId || null, sequenceId: sequenceId || null };
    setIsSaving(true);
    try {
      if (rule) await changeRoutingRule(rule.id, body);
      else await createRoutingRule(body);
      onSaved();
    } catch (error) {
      setProblem(formProblemOf(error, ["name", "sequenceId"]));
      setIsSaving(false);
    }
  }

  return (
    <form className="panel rule-form" onSubmit={handleSubmit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{rule ? `Edit rule “${rule.name}”` : "New routing rule"}</h2>
      <FormAlert message={problem.message} />
      <div className="field-row">
        <TextField label="Rule name" name="name" value={name} onChange={(event) => setName(event.target.value)} required error={problem.fieldErrors.name} />
        <div className="field">
          <label htmlFor={`${id}-sla`}>SLA policy</label>
          <select id={`${id}-sla`} value={slaPolicyId} onChange={(event) => setSlaPolicyId(event.target.value)}>
            <option value="">The default policy</option>
            {policies.map((policy) => (
              <option key={policy.id} value={policy.id}>
                {policy.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-sequence`}>Enrol in sequence</label>
          <select id={`${id}-sequence`} value={sequenceId} onChange={(event) => setSequenceId(event.target.value)} aria-invalid={problem.fieldErrors.sequenceId ? true : undefined}>
            <option value="">None</option>
            {sequences
              .filter((sequence) => !sequence.isArchived || sequence.id === sequenceId)
              .map((sequence) => (
                <option key={sequence.id} value={sequence.id}>
                  {sequence.name}
                </option>
              ))}
          </select>
          <FieldError message={problem.fieldErrors.sequenceId} />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={isActive} onChange={(event) => setIsActive(event.target.checked)} /> Active
        </label>
      </div>
      <ConditionRows value={conditions} onChange={setConditions} />
      <PoolPicker legend="Send to" team={team} value={pool} onChange={setPool} />
      <FormActions label={rule ? "Save rule" : "Add rule"} isSaving={isSaving} onCancel={onCancel} />
    </form>
  );
}
