import type { ReactNode } from "react";

type FormActionsProps = {
  /** The submit button's words, e.g. "Save promise". */
  label: string;
  isSaving: boolean;
  /** What the submit button says while the request is out. */
  busyLabel?: string;
  /** Other reasons the form cannot be sent yet (it is disabled while saving anyway). */
  isBlocked?: boolean;
  /** Shows a quiet Cancel button when given. */
  onCancel?: () => void;
  /** Shown before the buttons, e.g. what the submit will record. */
  before?: ReactNode;
  /** Shown after the buttons, e.g. a status line or why submit is disabled. */
  children?: ReactNode;
  /** Extra classes for the row, e.g. to keep it on screen. */
  className?: string;
};

/** The row that ends a form: submit (its words changing while saving) and, if the form can be abandoned, Cancel. */
export function FormActions({ label, isSaving, busyLabel = "Saving…", isBlocked = false, onCancel, before, children, className }: FormActionsProps) {
  return (
    <div className={className ? `form-actions ${className}` : "form-actions"}>
      {before}
      <button type="submit" disabled={isSaving || isBlocked}>
        {isSaving ? busyLabel : label}
      </button>
      {onCancel && (
        <button type="button" className="button-quiet" onClick={onCancel}>
          Cancel
        </button>
      )}
      {children}
    </div>
  );
}
