import { describe, expect, it } from "vitest";
import type { Suppression } from "../../../api/suppressions.js";
import { appendPage, firstPage, pageQuery, SUPPRESSION_PAGE_SIZE, withoutEntry } from "./suppression-pages.js";

const entry = (index: number): Suppression => ({ value: `lead${index}@example.com`, kind: "address", reason: "manual", leadId: null, note: null, createdBy: "system", createdAt: "2026-11-23T10:00:00.000Z" });

/** Answers like GET /api/v1/suppressions: at most 500 a request (400 beyond), newest first from `offset`. */
function fakeApi(initial: Suppression[]) {
  const api = {
    queries: [] as { limit: number; offset: number }[],
    entries: initial,
    list: (query: { search: string; limit: number; offset: number }): Suppression[] => {
      if (query.limit > 500) throw new Error("400 limit: must be at most 500");
      api.queries.push({ limit: query.limit, offset: query.offset });
      return api.entries.slice(query.offset, query.offset + query.limit);
    },
  };
  return api;
}

describe("suppression pages", () => {
  it("pages through more than 500 entries one page at a time by offset, never asking for more than the API allows", () => {
    const api = fakeApi(Array.from({ length: 650 }, (_, index) => entry(index)));
    let pages = firstPage("", api.list(pageQuery("", 0)));
    while (pages.hasMore) pages = appendPage(pages, "", api.list(pageQuery("", pages.items.length)));
    expect(pages.items.map((one) => one.value)).toEqual(api.entries.map((one) => one.value));
    expect(api.queries.every((query) => query.limit === SUPPRESSION_PAGE_SIZE)).toBe(true);
    expect(api.queries.map((query) => query.offset)).toEqual([0, 100, 200, 300, 400, 500, 600]);
  });

  it("skips nothing after a removal and shows nothing twice after an addition", () => {
    const api = fakeApi(Array.from({ length: 150 }, (_, index) => entry(index)));
    let pages = firstPage("", api.list(pageQuery("", 0)));
    pages = withoutEntry(pages, "lead3@example.com");
    api.entries = api.entries.filter((one) => one.value !== "lead3@example.com");
    api.entries = [entry(999), ...api.entries];
    pages = appendPage(pages, "", api.list(pageQuery("", pages.items.length)));
    expect(pages.items.map((one) => one.value)).toEqual(Array.from({ length: 150 }, (_, index) => `lead${index}@example.com`).filter((value) => value !== "lead3@example.com"));
    expect(pages.hasMore).toBe(false);
  });

  it("drops a page that arrives for a search no longer shown", () => {
    const pages = firstPage("acme", [entry(1)]);
    expect(appendPage(pages, "", [entry(2)])).toBe(pages);
  });
});
