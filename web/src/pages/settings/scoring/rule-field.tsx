import type { InputHTMLAttributes, ReactNode } from "react";

type RuleFieldProps = InputHTMLAttributes<HTMLInputElement> & { caption: string; isInvalid: boolean; children?: ReactNode };

/** One box of a rule, captioned above it; `children` replaces the input (a select). */
export function RuleField({ caption, isInvalid, children, className, ...input }: RuleFieldProps) {
  return (
    <label className={className ? `rule-field ${className}` : "rule-field"}>
      <span>{caption}</span>
      {children ?? <input aria-invalid={isInvalid ? true : undefined} {...input} />}
    </label>
  );
}
