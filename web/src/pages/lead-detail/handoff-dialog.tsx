import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { getHandoffDraft, type HandoffChecklist, handOff } from "../../api/lead-work.js";
import type { Lead } from "../../api/leads.js";
import type { TeamMember } from "../../api/users.js";
import { FieldError } from "../../components/field-error.js";
import { FormAlert } from "../../components/form-alert.js";
import { FormActions } from "../../components/form-actions.js";
import { formProblemOf, NO_PROBLEM } from "../../components/form-problem.js";
import { HANDOFF_ITEM_LABELS, HANDOFF_ITEMS, itemNames, missingItemsOf } from "./handoff-items.js";

type HandoffDialogProps = { lead: Lead; team: TeamMember[]; onClose: () => void; onHandedOff: (toUserId: string) => void };

/** A modal to hand the lead to someone else, its checklist pre-filled from the lead and editable; blank items are flagged. */
export function HandoffDialog({ lead, team, onClose, onHandedOff }: HandoffDialogProps) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [checklist, setChecklist] = useState<HandoffChecklist | null>(null);
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const people = team.filter((member) => member.isActive && member.id !== lead.ownerId);

  useEffect(() => {
    // showModal (not `open`) traps the focus, makes the page behind inert and closes on Escape.
    dialogRef.current?.showModal();
    const controller = new AbortController();
    getHandoffDraft(lead.id, controller.signal).then(setChecklist, (error: unknown) => controller.signal.aborted || setProblem(formProblemOf(error, [])));
    return () => controller.abort();
  }, [lead.id]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const toUserId = String(form.get("toUserId") ?? "");
    const reason = String(form.get("reason") ?? "").trim();
    setIsSubmitting(true);
    try {
      await handOff(lead.id, { toUserId, reason: reason || null, checklist: checklist ?? {} });
      onHandedOff(toUserId);
    } catch (error) {
      setProblem(formProblemOf(error, ["toUserId", "reason"]));
      setIsSubmitting(false);
    }
  }

  const missing = checklist ? missingItemsOf(checklist) : [];
  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form onSubmit={handleSubmit}>
        <h2 id={`${id}-title`} className="dialog-title">
          Hand off {lead.displayName}
        </h2>
        <FormAlert message={problem.message} />
        <div className="field">
          <label htmlFor={`${id}-to`}>To</label>
          <select id={`${id}-to`} name="toUserId" required defaultValue="">
            <option value="" disabled>
              Choose a person
            </option>
            {people.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name} ({member.role})
              </option>
            ))}
          </select>
          <FieldError message={problem.fieldErrors.toUserId} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason</label>
          <input id={`${id}-reason`} name="reason" maxLength={500} placeholder="e.g. qualified, moving to an AE" />
          <FieldError message={problem.fieldErrors.reason} />
        </div>
        {checklist === null ? (
          <p className="muted">Preparing the checklist…</p>
        ) : (
          <fieldset className="checklist">
            <legend>What the new owner needs to know</legend>
            {HANDOFF_ITEMS.map((item) => (
              <div className="field" key={item}>
                <label htmlFor={`${id}-${item}`}>
                  {HANDOFF_ITEM_LABELS[item]} {missing.includes(item) && <span className="badge badge-missing">Missing</span>}
                </label>
                <textarea id={`${id}-${item}`} rows={2} value={checklist[item] ?? ""} onChange={(event) => setChecklist({ ...checklist, [item]: event.target.value })} />
              </div>
            ))}
          </fieldset>
        )}
        {/* Inside the bar that stays on screen, so the verdict is visible next to the button whatever the scroll. */}
        <FormActions
          label="Hand off"
          isSaving={isSubmitting}
          busyLabel="Handing off…"
          isBlocked={checklist === null}
          onCancel={() => dialogRef.current?.close()}
          before={
            <p className={missing.length > 0 ? "handoff-missing" : "muted"} aria-live="polite">
              {missing.length > 0 ? `Missing ${itemNames(missing).toLowerCase()}: this handoff will be marked incomplete.` : "Checklist complete."}
            </p>
          }
        />
      </form>
    </dialog>
  );
}
