import { type FormEvent, useId, useState } from "react";
import { moveLeadStage, type StageMoveWarning } from "../../api/lead-pipeline.js";
import type { OutcomeReason, StageDefinition } from "../../api/pipeline.js";
import { FieldError } from "../../components/field-error.js";
import { FormActions } from "../../components/form-actions.js";
import { FormAlert } from "../../components/form-alert.js";
import { type FormProblem, formProblemOf, NO_PROBLEM } from "../../components/form-problem.js";
import { outcomeMoveOf } from "./deal-words.js";
import { ReasonFields } from "./reason-fields.js";

type OutcomeFormProps = {
  leadId: string;
  kind: "won" | "lost";
  /** The won or lost stage's key. */
  stage: string;
  /** The stage the lead leaves; winning ticks its exit checklist (losing is not finishing a stage, so it asks for none). */
  from: StageDefinition;
  lostReasons: OutcomeReason[];
  defaultAmount: number | null;
  onClosed: (warnings: StageMoveWarning[]) => void;
  onCancel: () => void;
};

/** Closes the deal: won with its amount (ticking the current stage's exit checklist on the way out), or lost with a reason. */
export function OutcomeForm({ leadId, kind, stage, from, lostReasons, defaultAmount, onClosed, onCancel }: OutcomeFormProps) {
  const id = useId();
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [isSaving, setIsSaving] = useState(false);
  const verb = kind === "won" ? "Mark won" : "Mark lost";

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reading = outcomeMoveOf(kind, stage, new FormData(event.currentTarget));
    if (!("move" in reading)) return setProblem({ fieldErrors: { [reading.field]: reading.message }, message: null });
    setIsSaving(true);
    try {
      onClosed((await moveLeadStage(leadId, reading.move)).warnings);
    } catch (error) {
      // A blocking checklist names `checkedItems` and lists what is missing: shown under the checklist.
      setProblem(formProblemOf(error, ["amount", "reason", "note", "checkedItems"]));
      setIsSaving(false);
    }
  }

  return (
    <form className="inline-panel" onSubmit={handleSubmit} aria-label={verb} noValidate>
      <FormAlert message={problem.message} />
      {kind === "won" ? (
        <div className="field">
          <label htmlFor={`${id}-amount`}>Amount</label>
          <input id={`${id}-amount`} name="amount" inputMode="decimal" required defaultValue={defaultAmount ?? undefined} aria-invalid={problem.fieldErrors.amount ? true : undefined} />
          <FieldError message={problem.fieldErrors.amount} />
        </div>
      ) : (
        <ReasonFields reasons={lostReasons} problem={problem} />
      )}
      {kind === "won" && from.exitChecklist.length > 0 && (
        <fieldset className="plain-fieldset">
          <legend>
            Before leaving {from.name}
            {from.checklistMode === "block" ? " (required)" : ""}
          </legend>
          {from.exitChecklist.map((item) => (
            <label key={item.key} className="checkbox">
              <input type="checkbox" name="checkedItems" value={item.key} /> {item.label}
            </label>
          ))}
          <FieldError message={problem.fieldErrors.checkedItems} />
        </fieldset>
      )}
      <FormActions label={verb} isSaving={isSaving} onCancel={onCancel} />
    </form>
  );
}
