import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { moveLeadStage, type StageMoveWarning } from "../../api/lead-pipeline.js";
import type { BoardCard, OutcomeReason } from "../../api/pipeline.js";
import type { TeamMember } from "../../api/users.js";
import { FieldError } from "../../components/field-error.js";
import { FormAlert } from "../../components/form-alert.js";
import { FormActions } from "../../components/form-actions.js";
import { type FormProblem, formProblemOf, NO_PROBLEM } from "../../components/form-problem.js";
import { TextField } from "../../components/text-field.js";
import { NextStepFields } from "../lead-detail/next-step-fields.js";
import { ReasonFields } from "../lead-detail/reason-fields.js";
import { ExitChecklist } from "./exit-checklist.js";
import { checklistVerdict, type MovePlan, nextStepDefaults, stageMoveOf } from "./move-plan.js";

/** Fields the API may name in a refusal; `nextStep.action` arrives as `action`. */
const FIELDS = ["checkedItems", "nextStep", "action", "dueAt", "amount", "reason", "note"] as const;

type MoveDialogProps = {
  card: BoardCard;
  plan: MovePlan;
  lostReasons: OutcomeReason[];
  team: TeamMember[];
  timeZone: string;
  onClose: () => void;
  onMoved: (warnings: StageMoveWarning[]) => void;
};

/** A modal for one move: the exit checklist of the stage being left, the next step, or the won amount or lost reason. */
export function MoveDialog({ card, plan, lostReasons, team, timeZone, onClose, onMoved }: MoveDialogProps) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [checkedKeys, setCheckedKeys] = useState<string[]>([]);
  const [defaults] = useState(() => nextStepDefaults(card.nextStep, Date.now(), timeZone));
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [isSaving, setIsSaving] = useState(false);
  const verdict = checklistVerdict(plan, checkedKeys);

  // showModal (not `open`) traps the focus, makes the board behind inert and closes on Escape.
  useEffect(() => dialogRef.current?.showModal(), []);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (verdict.isBlocked) return;
    const reading = stageMoveOf(plan, new FormData(event.currentTarget), card.nextStep, timeZone);
    if (!("move" in reading)) return setProblem({ fieldErrors: { [reading.field]: reading.message }, message: null });
    setIsSaving(true);
    try {
      const { warnings } = await moveLeadStage(card.leadId, reading.move);
      onMoved(warnings);
    } catch (error) {
      setProblem(formProblemOf(error, FIELDS));
      setIsSaving(false);
    }
  }

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form onSubmit={handleSubmit} noValidate>
        <h2 id={`${id}-title`} className="dialog-title">
          Move {card.name} to {plan.to.name}
        </h2>
        <p className="muted small">
          From {plan.from.name}
          {plan.isForward ? "" : ", back to an earlier stage: no checklist to pass"}.
        </p>
        <FormAlert message={problem.message} />
        {plan.checklist.length > 0 && <ExitChecklist plan={plan} checkedKeys={checkedKeys} onChange={setCheckedKeys} error={problem.fieldErrors.checkedItems} />}
        {plan.needsNextStep && (
          <fieldset aria-describedby={`${id}-next-step-help`}>
            <legend>Next step (required to move forward)</legend>
            <p id={`${id}-next-step-help`} className="muted small">
              {card.nextStep ? "The lead's current next step; change it if this move changes the plan." : "What happens next, by when, and who does it."}
            </p>
            <NextStepFields team={team} problem={problem} defaults={defaults} isRequired={false} />
            <FieldError message={problem.fieldErrors.nextStep} />
          </fieldset>
        )}
        {plan.outcome === "won" && <TextField label="Amount won" name="amount" inputMode="decimal" defaultValue={card.value ?? undefined} error={problem.fieldErrors.amount} />}
        {plan.outcome === "lost" && <ReasonFields reasons={lostReasons} problem={problem} />}
        <FormActions
          label={`Move to ${plan.to.name}`}
          isSaving={isSaving}
          busyLabel="Moving…"
          isBlocked={verdict.isBlocked}
          onCancel={() => dialogRef.current?.close()}
          before={
            <p className={verdict.isBlocked ? "field-error" : "handoff-missing"} aria-live="polite">
              {verdict.text}
            </p>
          }
        />
      </form>
    </dialog>
  );
}
