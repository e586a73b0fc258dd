import { useId } from "react";
import { CONDITION_OPERATORS, type ConditionOperator } from "../../../../../src/domain/routing/routing-rule.js";
import { ROUTABLE_FIELDS } from "../../../../../src/domain/routing/lead-facts.js";
import { type ConditionDraft, OPERATOR_LABELS } from "./condition-text.js";

type ConditionRowsProps = { value: ConditionDraft[]; onChange: (next: ConditionDraft[]) => void };

/** The rule's conditions, all of which must hold; a field is a lead field or `custom.<name>`. */
export function ConditionRows({ value, onChange }: ConditionRowsProps) {
  const id = useId();
  const set = (index: number, change: Partial<ConditionDraft>) => onChange(value.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <fieldset className="conditions">
      <legend>Conditions (all must hold; none: every lead)</legend>
      <datalist id={`${id}-fields`}>
        {ROUTABLE_FIELDS.map((field) => (
          <option key={field} value={field} />
        ))}
      </datalist>
      {value.map((row, index) => (
        <div className="condition-row" key={index}>
          <input aria-label={`Condition ${index + 1} field`} list={`${id}-fields`} value={row.field} placeholder="source or custom.seats" onChange={(event) => set(index, { field: event.target.value })} />
          <select aria-label={`Condition ${index + 1} operator`} value={row.operator} onChange={(event) => set(index, { operator: event.target.value as ConditionOperator })}>
            {CONDITION_OPERATORS.map((operator) => (
              <option key={operator} value={operator}>
                {OPERATOR_LABELS[operator]}
              </option>
            ))}
          </select>
          <input aria-label={`Condition ${index + 1} value`} value={row.text} placeholder={row.operator === "in" ? "DE, AT, CH" : ""} onChange={(event) => set(index, { text: event.target.value })} />
          <button type="button" className="button-link" aria-label={`Remove condition ${index + 1}`} onClick={() => onChange(value.filter((_, i) => i !== index))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="button-quiet" onClick={() => onChange([...value, { field: "source", operator: "equals", text: "" }])}>
        Add condition
      </button>
    </fieldset>
  );
}
