import { describe, expect, it } from "vitest";
import { apiParamsOf, filtersFromQuery, hasFilters, PAGE_SIZE, queryOfFilters } from "./lead-list-query.js";

describe("lead list query", () => {
  it("round-trips every filter through the URL", () => {
    const query = "?owner=user_1&stage=qualified&source=google&campaign=spring+sale&from=2026-03-01&to=2026-03-31&q=ada&sort=created_asc";
    const filters = filtersFromQuery(new URLSearchParams(query));
    expect(filters).toEqual({ owner: "user_1", stage: "qualified", source: "google", campaign: "spring sale", from: "2026-03-01", to: "2026-03-31", q: "ada", sort: "created_asc" });
    expect(queryOfFilters(filters)).toBe(query);
  });

  it("keeps the URL empty for the unfiltered, newest-first list", () => {
    const filters = filtersFromQuery(new URLSearchParams("sort=bogus"));
    expect(filters.sort).toBe("created_desc");
    expect(hasFilters(filters)).toBe(false);
    expect(queryOfFilters(filters)).toBe("");
  });

  it("sends the API whole days in the browser's zone, the 'to' day included", () => {
    const filters = filtersFromQuery(new URLSearchParams("from=2026-03-01&to=2026-03-31"));
    const params = apiParamsOf(filters, "cursor_1");
    expect(params.createdFrom).toBe(new Date(2026, 2, 1).toISOString());
    expect(params.createdTo).toBe(new Date(2026, 3, 1).toISOString());
    expect(params).toMatchObject({ sort: "created_desc", limit: PAGE_SIZE, cursor: "cursor_1" });
  });

  it("leaves out blank text and malformed days rather than sending invalid filters", () => {
    const params = apiParamsOf(filtersFromQuery(new URLSearchParams("q=%20%20&source=%20&from=yesterday")));
    expect(params.q).toBeUndefined();
    expect(params.source).toBeUndefined();
    expect(params.createdFrom).toBeUndefined();
  });
});
