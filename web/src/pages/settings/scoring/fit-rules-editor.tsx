import { useId } from "react";
import { CONDITION_OPERATORS, type ConditionOperator } from "../../../../../src/domain/routing/routing-rule.js";
import { MAX_LABEL_LENGTH } from "../../../../../src/domain/scoring/check-scoring-config.js";
import { ROUTABLE_FIELDS } from "../../../../../src/domain/routing/lead-facts.js";
import type { ConfigProblem } from "../pipeline/config-field.js";
import { OPERATOR_LABELS } from "../routing/condition-text.js";
import { RuleField } from "./rule-field.js";
import { RuleList } from "./rule-list.js";
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
  return (
    <RuleList
      ruleName="Fit rule"
      legend="Fit rules: points for who the lead is"
      description={
        <>
          Fields: a lead field, <code>custom.&lt;name&gt;</code>, or <code>qualification.&lt;criterion&gt;</code> answered yes, no or unknown. The fit part is the sum of the rules that hold, kept within 0–100.
        </>
      }
      path="fitRules"
      fieldsClassName="fit-rule-fields"
      rules={rules}
      problem={problem}
      blank={blankFitRule}
      onChange={onChange}
      onRenumber={onRenumber}
      before={
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
      }
      renderFields={({ rule, invalid, change }) => {
        const setCondition = (condition: Partial<FitRuleDraft["condition"]>) => change({ condition: { ...rule.condition, ...condition } });
        return (
          <>
            <RuleField caption="Label" className="rule-label" value={rule.label} maxLength={MAX_LABEL_LENGTH} placeholder="Senior title" isInvalid={invalid("label")} onChange={(event) => change({ label: event.target.value })} />
            <RuleField caption="Field" className="rule-fact" list={`${id}-fields`} value={rule.condition.field} placeholder="title" isInvalid={invalid("condition.field")} onChange={(event) => setCondition({ field: event.target.value })} />
            <RuleField caption="Operator" className="rule-operator" isInvalid={invalid("condition.operator")}>
              <select value={rule.condition.operator} onChange={(event) => setCondition({ operator: event.target.value as ConditionOperator })}>
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
              onChange={(event) => setCondition({ text: event.target.value })}
            />
            <RuleField caption="Points" className="rule-points" type="number" step="1" value={rule.points} isInvalid={invalid("points")} onChange={(event) => change({ points: event.target.value })} />
          </>
        );
      }}
    />
  );
}
