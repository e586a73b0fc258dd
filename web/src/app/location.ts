import { useSyncExternalStore } from "react";

/** What the app routes on: the path, its query and the history entry's state. */
export type AppLocation = { pathname: string; query: URLSearchParams; state: HistoryState };

/** Set on history entries by the app itself (see `navigate`). */
export type HistoryState = { isFromList?: boolean; focusLeadId?: string } | null;

const LOCATION_CHANGED = "closeloop:locationchange";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(LOCATION_CHANGED, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(LOCATION_CHANGED, onChange);
  };
}

// The href plus the serialised state: a string snapshot is stable between renders, as useSyncExternalStore needs.
function snapshot(): string {
  return `${window.location.href}\n${JSON.stringify(window.history.state ?? null)}`;
}

/** The current location, re-rendering on navigation and on the browser's back/forward. */
export function useLocation(): AppLocation {
  const current = useSyncExternalStore(subscribe, snapshot);
  const [href = "", state = "null"] = current.split("\n");
  const url = new URL(href);
  return { pathname: url.pathname, query: url.searchParams, state: JSON.parse(state) as HistoryState };
}

/** Goes to an in-app path, adding a history entry unless `replace` is set. */
export function navigate(to: string, options: { replace?: boolean; state?: HistoryState } = {}): void {
  const state = options.state ?? null;
  if (options.replace) window.history.replaceState(state, "", to);
  else window.history.pushState(state, "", to);
  window.dispatchEvent(new Event(LOCATION_CHANGED));
}

/** Updates the current entry's state without moving (e.g. which lead to refocus when coming back). */
export function rememberInHistory(state: HistoryState): void {
  window.history.replaceState({ ...window.history.state, ...state }, "");
}
