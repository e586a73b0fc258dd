import { useId } from "react";
import { CONDITION_OPERATORS, type ConditionOperator } from "../../../../../src/domain/routing/routing-rule.js";
import { MAX_LABEL_LENGTH } from "../../../../../src/domain/scoring/check-scoring-config.js";
import { ROUTABLE_FIELDS } from "../../../../../src/domain/routing/lead-facts.js";
import { FieldError } from "../../../components/field-error.js";
import { type ConfigProblem, errorAt, errorWithin } from "../pipeline/config-field.js";
import { OPERATOR_LABELS } from "../routing/condition-text.js";
import { RuleField } from "./rule-field.js";
import { blankFitRule, type FitRuleDraft } from "./scoring-draft.js";

type FitRulesEditorProps = {
  rules: FitRuleDraft[];
  criteria: { key: string; label: string }[];
  problem: ConfigProblem | null;
  onChange: (next: FitRuleDraft[]) => void;
  /** Adding or removing a rule renumbers the rest, so a refusal's path no longer points where it did. */
  onRenumber: (next: FitRuleDraft[]) => void;
};

/** Points for who the lead is: a test on one lead fact (a field, `custom.<name>` or a qualification answer). */
export function FitRulesEditor({ rules, criteria, problem, onChange, onRenumber }: FitRulesEditorProps) {
  const id = useId();
  const set = (index: number, change: Partial<FitRuleDraft>) => onChange(rules.map((rule, i) => (i === index ? { ...rule, ...change } : rule)));
  const setCondition = (index: number, change: Partial<FitRuleDraft["condition"]>) => set(index, { condition: { ...rules[index]!.condition, ...change } });
  return (
    <fieldset className="scoring-rules">
      <legend>Fit rules: points for who the lead is</legend>
      <p className="muted small">
        Fields: a lead field, <code>custom.&lt;name&gt;</code>, or <code>qualification.&lt;criterion&gt;</code> answered yes, no or unknown. The fit part is the sum of the rules that hold, kept within 0–100.
      </p>
      <datalist id={`${id}-fields`}>
        {ROUTABLE_FIELDS.map((field) => (
          <option key={field} value={field} />
        ))}
        {criteria.map((criterion) => (
          <option key={criterion.key} value={`qualification.${criterion.key}`}>
            {criterion.label}
          </option>
        ))}
      </datalist>
      <FieldError message={errorAt(problem, "fitRules")} />
      {rules.map((rule, index) => {
        const path = `fitRules.${index}`;
        const invalid = (field: string) => errorAt(problem, `${path}.${field}`) !== undefined;
        return (
          <div className="scoring-rule" role="group" aria-label={`Fit rule ${index + 1}`} key={index}>
            <div className="rule-fields fit-rule-fields">
              <RuleField caption="Label" className="rule-label" value={rule.label} maxLength={MAX_LABEL_LENGTH} placeholder="Senior title" isInvalid={invalid("label")} onChange={(event) => set(index, { label: event.target.value })} />
              <RuleField caption="Field" className="rule-fact" list={`${id}-fields`} value={rule.condition.field} placeholder="title" isInvalid={invalid("condition.field")} onChange={(event) => setCondition(index, { field: event.target.value })} />
              <RuleField caption="Operator" className="rule-operator" isInvalid={invalid("condition.operator")}>
                <select value={rule.condition.operator} onChange={(event) => setCondition(index, { operator: event.target.value as ConditionOperator })}>
                  {CONDITION_OPERATORS.map((operator) => (
                    <option key={operator} value={operator}>
                      {OPERATOR_LABELS[operator]}
                    </option>
                  ))}
                </select>
              </RuleField>
              <RuleField
                caption="Value"
                className="rule-value"
                value={rule.condition.text}
                placeholder={rule.condition.operator === "in" ? "gmail.com, yahoo.com" : ""}
                isInvalid={invalid("condition.value")}
                onChange={(event) => setCondition(index, { text: event.target.value })}
              />
              <RuleField caption="Points" className="rule-points" type="number" step="1" value={rule.points} isInvalid={invalid("points")} onChange={(event) => set(index, { points: event.target.value })} />
              <button type="button" className="button-link rule-remove" aria-label={`Remove fit rule ${index + 1}`} onClick={() => onRenumber(rules.filter((_, i) => i !== index))}>
                Remove
              </button>
            </div>
            <FieldError message={errorWithin(problem, path)} />
          </div>
        );
      })}
      <button type="button" className="button-quiet" onClick={() => onRenumber([...rules, blankFitRule()])}>
        Add fit rule
      </button>
    </fieldset>
  );
}
