import type { Suppression } from "../../../api/suppressions.js";

/** Entries fetched per page; the API takes at most 500 a request. */
export const SUPPRESSION_PAGE_SIZE = 100;

/** The entries on screen for one search, and whether the last page was full (so more may follow). */
export type SuppressionPages = { search: string; items: Suppression[]; hasMore: boolean };

/** The request for the page after the `shown` entries: always one page, further on by offset. */
export function pageQuery(search: string, shown: number): { search: string; limit: number; offset: number } {
  return { search, limit: SUPPRESSION_PAGE_SIZE, offset: shown };
}

/** The first page of a search. */
export function firstPage(search: string, page: Suppression[]): SuppressionPages {
  return { search, items: page, hasMore: page.length === SUPPRESSION_PAGE_SIZE };
}

/**
 * `current` with the next page of `search` appended; unchanged when the search has changed since.
 * An entry already shown (the list grew meanwhile and shifted by one) is not shown twice.
 */
export function appendPage(current: SuppressionPages, search: string, page: Suppression[]): SuppressionPages {
  if (current.search !== search) return current;
  const shown = new Set(current.items.map((entry) => entry.value));
  return { search, items: [...current.items, ...page.filter((entry) => !shown.has(entry.value))], hasMore: page.length === SUPPRESSION_PAGE_SIZE };
}

/** `current` without a removed entry. */
export function withoutEntry(current: SuppressionPages, value: string): SuppressionPages {
  return { ...current, items: current.items.filter((entry) => entry.value !== value) };
}
