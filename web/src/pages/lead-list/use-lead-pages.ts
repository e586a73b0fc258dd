import { useCallback, useEffect, useRef, useState } from "react";
import { type Lead, listLeads } from "../../api/leads.js";
import { problemMessageOf } from "../../components/form-problem.js";
import { apiParamsOf, type LeadListFilters } from "./lead-list-query.js";

export type LeadPagesState = {
  items: Lead[];
  nextCursor: string | null;
  status: "loading" | "ready" | "loading_more" | "failed";
  error: string | null;
};

const INITIAL: LeadPagesState = { items: [], nextCursor: null, status: "loading", error: null };

/** The leads matching the filters, first page on every filter change, more on `loadMore`. */
export function useLeadPages(filters: LeadListFilters): LeadPagesState & { loadMore: () => void } {
  const [state, setState] = useState(INITIAL);
  const key = JSON.stringify(filters);
  // Aborting the previous request keeps a slow answer for old filters from overwriting a newer one.
  const inFlight = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    inFlight.current?.abort();
    inFlight.current = controller;
    // Old rows stay on screen while the new ones load, so typing does not flash an empty table.
    setState((previous) => ({ ...previous, status: "loading", error: null }));
    listLeads(apiParamsOf(JSON.parse(key) as LeadListFilters), controller.signal).then(
      (page) => setState({ items: page.items, nextCursor: page.nextCursor, status: "ready", error: null }),
      (error: unknown) => controller.signal.aborted || setState({ ...INITIAL, status: "failed", error: problemMessageOf(error) }),
    );
    return () => controller.abort();
  }, [key]);

  const loadMore = useCallback(() => {
    if (state.nextCursor === null || state.status !== "ready") return;
    const controller = new AbortController();
    inFlight.current = controller;
    setState((previous) => ({ ...previous, status: "loading_more" }));
    listLeads(apiParamsOf(JSON.parse(key) as LeadListFilters, state.nextCursor), controller.signal).then(
      (page) => setState((previous) => ({ items: [...previous.items, ...page.items], nextCursor: page.nextCursor, status: "ready", error: null })),
      (error: unknown) => controller.signal.aborted || setState((previous) => ({ ...previous, status: "ready", error: problemMessageOf(error) })),
    );
  }, [key, state.nextCursor, state.status]);

  return { ...state, loadMore };
}
