import type { LeadListParams } from "../../api/leads.js";

export type LeadSort = "created_desc" | "created_asc";

/** The list's filters exactly as they sit in the URL, so a filtered list can be shared and survives reload. */
export type LeadListFilters = {
  owner: string;
  stage: string;
  source: string;
  campaign: string;
  /** Created on or after this day, YYYY-MM-DD in the browser's zone. */
  from: string;
  /** Created on or before this day, inclusive. */
  to: string;
  q: string;
  sort: LeadSort;
};

const TEXT_KEYS = ["owner", "stage", "source", "campaign", "from", "to", "q"] as const;

/** Leads per request: a screenful and a half, small enough to answer fast. */
export const PAGE_SIZE = 50;

/** Reads the filters from a URL query; anything missing is "no filter". */
export function filtersFromQuery(query: URLSearchParams): LeadListFilters {
  const filters = Object.fromEntries(TEXT_KEYS.map((key) => [key, query.get(key) ?? ""])) as Omit<LeadListFilters, "sort">;
  return { ...filters, sort: query.get("sort") === "created_asc" ? "created_asc" : "created_desc" };
}

/** The URL query for the filters ("" when none), leaving out empty values and the default sort. */
export function queryOfFilters(filters: LeadListFilters): string {
  const query = new URLSearchParams();
  for (const key of TEXT_KEYS) if (filters[key]) query.set(key, filters[key]);
  if (filters.sort !== "created_desc") query.set("sort", filters.sort);
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** Whether any filter narrows the list. */
export function hasFilters(filters: LeadListFilters): boolean {
  return TEXT_KEYS.some((key) => filters[key] !== "");
}

/** Local midnight of a YYYY-MM-DD day plus `addDays`, as ISO; undefined for anything else. */
function dayStartIso(day: string, addDays: number): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The API query for the filters; the "to" day is inclusive, so the API gets the next day's start. */
export function apiParamsOf(filters: LeadListFilters, cursor?: string): LeadListParams {
  const text = filters.q.trim();
  return {
    owner: filters.owner || undefined,
    stage: filters.stage || undefined,
    source: filters.source.trim() || undefined,
    campaign: filters.campaign.trim() || undefined,
    createdFrom: dayStartIso(filters.from, 0),
    createdTo: dayStartIso(filters.to, 1),
    q: text || undefined,
    sort: filters.sort,
    limit: PAGE_SIZE,
    cursor,
  };
}
