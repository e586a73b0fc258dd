import { type KeyboardEvent, type ReactNode, type Ref, useEffect, useId, useRef, useState } from "react";

/** Waits this long after the last keystroke: one request per word typed, not one per letter. */
const DEBOUNCE_MS = 250;

type DebouncedFieldProps = {
  label: ReactNode;
  value: string;
  onCommit: (text: string) => void;
  type?: "text" | "search";
  placeholder?: string;
  ref?: Ref<HTMLInputElement>;
};

/** A labelled text input that reports its value once the user pauses typing. */
export function DebouncedField({ label, value, onCommit, type = "text", placeholder, ref }: DebouncedFieldProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const latestOnCommit = useRef(onCommit);
  latestOnCommit.current = onCommit;

  // Back/forward or "Clear filters" change the value underneath; show what is really applied.
  useEffect(() => setText(value), [value]);

  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => latestOnCommit.current(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value]);

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Escape hands the keyboard back to the page's shortcuts without undoing what was typed.
    if (event.key === "Escape") event.currentTarget.blur();
  }

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} ref={ref} type={type} placeholder={placeholder} value={text} onChange={(event) => setText(event.target.value)} onKeyDown={handleKeyDown} />
    </div>
  );
}
