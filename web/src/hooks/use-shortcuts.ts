import { useEffect, useRef } from "react";

/** Keyboard shortcuts by `KeyboardEvent.key`; a handler gets the event to decide about the default. */
export type Shortcuts = Partial<Record<string, (event: KeyboardEvent) => void>>;

/** Whether keys typed here are text, so single-letter shortcuts must not fire. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest("input, textarea, select") !== null;
}

/** Listens for single-key shortcuts on the page, ignoring them while the user types or holds a modifier. */
export function useShortcuts(shortcuts: Shortcuts): void {
  // A ref keeps one listener for the component's life while handlers see fresh state.
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    function handleKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTypingTarget(event.target)) return;
      latest.current[event.key]?.(event);
    }
    document.addEventListener("keydown", handleKeyDown);
    return () => document.removeEventListener("keydown", handleKeyDown);
  }, []);
}
