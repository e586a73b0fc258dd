import { type InputHTMLAttributes, useId } from "react";
import { FieldError } from "./field-error.js";

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; error?: string | undefined };

/** A labelled input with its error announced to screen readers. */
export function TextField({ label, name, error, ...input }: TextFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} {...input} />
      <FieldError message={error} id={errorId} />
    </div>
  );
}
