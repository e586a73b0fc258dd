import type { ReactNode } from "react";
import { FieldError } from "../../../components/field-error.js";
import { type ConfigProblem, errorAt, errorWithin } from "../pipeline/config-field.js";

/** What a rule's boxes get: whether the API refused one of its fields, and how to change the rule. */
export type RuleRow<R> = { rule: R; invalid: (field: string) => boolean; change: (change: Partial<R>) => void };

type RuleListProps<R> = {
  /** "Fit rule": the group's and the buttons' name for one rule. */
  ruleName: string;
  legend: string;
  description: ReactNode;
  /** Where the rules sit in the config, e.g. "fitRules": refusals name a rule by its path below it. */
  path: string;
  /** Classes of the row of boxes beside `rule-fields`, e.g. "fit-rule-fields". */
  fieldsClassName: string;
  rules: R[];
  problem: ConfigProblem | null;
  blank: () => R;
  onChange: (next: R[]) => void;
  /** Adding or removing a rule renumbers the rest, so a refusal's path no longer points where it did. */
  onRenumber: (next: R[]) => void;
  /** Shown before the rules, e.g. a datalist the boxes suggest from. */
  before?: ReactNode;
  renderFields: (row: RuleRow<R>) => ReactNode;
};

/** A list of scoring rules: each rule's boxes and Remove, the refusal beside the rule it names, and Add. */
export function RuleList<R>({ ruleName, legend, description, path, fieldsClassName, rules, problem, blank, onChange, onRenumber, before, renderFields }: RuleListProps<R>) {
  const lowerName = ruleName.toLowerCase();
  return (
    <fieldset className="scoring-rules">
      <legend>{legend}</legend>
      <p className="muted small">{description}</p>
      {before}
      <FieldError message={errorAt(problem, path)} />
      {rules.map((rule, index) => {
        const rulePath = `${path}.${index}`;
        const invalid = (field: string) => errorAt(problem, `${rulePath}.${field}`) !== undefined;
        const change = (change: Partial<R>) => onChange(rules.map((one, i) => (i === index ? { ...one, ...change } : one)));
        return (
          <div className="scoring-rule" role="group" aria-label={`${ruleName} ${index + 1}`} key={index}>
            <div className={`rule-fields ${fieldsClassName}`}>
              {renderFields({ rule, invalid, change })}
              <button type="button" className="button-link rule-remove" aria-label={`Remove ${lowerName} ${index + 1}`} onClick={() => onRenumber(rules.filter((_, i) => i !== index))}>
                Remove
              </button>
            </div>
            <FieldError message={errorWithin(problem, rulePath)} />
          </div>
        );
      })}
      <button type="button" className="button-quiet" onClick={() => onRenumber([...rules, blank()])}>
        Add {lowerName}
      </button>
    </fieldset>
  );
}
