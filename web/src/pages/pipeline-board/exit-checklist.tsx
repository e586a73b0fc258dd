import type { MovePlan } from "./move-plan.js";
import { FieldError } from "../../components/field-error.js";

type ExitChecklistProps = { plan: MovePlan; checkedKeys: string[]; onChange: (next: string[]) => void; error: string | undefined };

/** The exit checklist of the stage being left, as checkboxes named `checkedItems`. */
export function ExitChecklist({ plan, checkedKeys, onChange, error }: ExitChecklistProps) {
  function handleToggle(key: string, isChecked: boolean) {
    onChange(isChecked ? [...checkedKeys, key] : checkedKeys.filter((other) => other !== key));
  }
  return (
    <fieldset className="checklist">
      <legend>
        Before leaving {plan.from.name}
        {plan.isChecklistBlocking ? " (all required)" : ""}
      </legend>
      {plan.checklist.map((item) => (
        <label key={item.key} className="checkbox">
          <input type="checkbox" name="checkedItems" value={item.key} checked={checkedKeys.includes(item.key)} onChange={(event) => handleToggle(item.key, event.target.checked)} />{" "}
          {item.label}
        </label>
      ))}
      <FieldError message={error} />
    </fieldset>
  );
}
