import { useId, useState } from "react";
import type { OutcomeReason } from "../../api/pipeline.js";
import { FieldError } from "../../components/field-error.js";
import type { FormProblem } from "../../components/form-problem.js";

/** A reason from the workspace's list, and a note that becomes required when the reason asks for one ("Other"). */
export function ReasonFields({ reasons, problem }: { reasons: OutcomeReason[]; problem: FormProblem }) {
  const id = useId();
  const [reasonKey, setReasonKey] = useState("");
  const isNoteRequired = reasons.find((reason) => reason.key === reasonKey)?.requiresNote ?? false;
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason</label>
        <select id={`${id}-reason`} name="reason" required value={reasonKey} onChange={(event) => setReasonKey(event.target.value)} aria-invalid={problem.fieldErrors.reason ? true : undefined}>
          <option value="" disabled>
            Choose a reason
          </option>
          {reasons.map((reason) => (
            <option key={reason.key} value={reason.key}>
              {reason.label}
            </option>
          ))}
        </select>
        <FieldError message={problem.fieldErrors.reason} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{isNoteRequired ? "Note (required for this reason)" : "Note (optional)"}</label>
        <textarea id={`${id}-note`} name="note" rows={2} maxLength={2000} required={isNoteRequired} aria-invalid={problem.fieldErrors.note ? true : undefined} />
        <FieldError message={problem.fieldErrors.note} />
      </div>
    </>
  );
}

/** The reason and note as the API takes them; a blank note is left out. */
export function reasonOf(form: FormData): { reason: string; note?: string } {
  const note = String(form.get("note") ?? "").trim();
  return { reason: String(form.get("reason") ?? ""), ...(note ? { note } : {}) };
}
