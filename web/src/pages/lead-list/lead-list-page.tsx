import { useRef } from "react";
import { navigate, rememberInHistory, useLocation } from "../../app/location.js";
import { useSessionUser } from "../../app/session-context.js";
import { FormAlert } from "../../components/form-alert.js";
import { useDocumentTitle } from "../../hooks/use-document-title.js";
import { useShortcuts } from "../../hooks/use-shortcuts.js";
import { useTeam } from "../../hooks/use-team.js";
import { LeadFilters } from "./lead-filters.js";
import { filtersFromQuery, hasFilters, type LeadListFilters, queryOfFilters } from "./lead-list-query.js";
import { LeadTable } from "./lead-table.js";
import { useLeadPages } from "./use-lead-pages.js";
import { moveRowFocus, useRestoreRowFocus } from "./use-row-focus.js";

const EMPTY_FILTERS: LeadListFilters = { owner: "", stage: "", source: "", campaign: "", from: "", to: "", q: "", sort: "created_desc" };

function countLabel(count: number, hasMore: boolean): string {
  return `${count}${hasMore ? "+" : ""} ${count === 1 && !hasMore ? "lead" : "leads"}`;
}

/** All leads the user may see, filtered by what the URL says. */
export function LeadListPage() {
  useDocumentTitle("Leads");
  const location = useLocation();
  const user = useSessionUser();
  const team = useTeam();
  const filters = filtersFromQuery(location.query);
  const pages = useLeadPages(filters);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  useRestoreRowFocus(tableRef, location.state?.focusLeadId, pages.status === "ready");

  useShortcuts({
    "/": (event) => {
      event.preventDefault();
      searchRef.current?.focus();
    },
    j: () => moveRowFocus(tableRef.current, 1),
    k: () => moveRowFocus(tableRef.current, -1),
  });

  function handleFiltersChange(next: LeadListFilters) {
    // Replace, not push: Back should leave the list, not replay every keystroke of a search.
    navigate(`/leads${queryOfFilters(next)}`, { replace: true });
  }

  return (
    <section className="page">
      <div className="page-title">
        <h1>Leads</h1>
        <p className="muted small keyboard-hint">
          <kbd>/</kbd> search · <kbd>j</kbd> <kbd>k</kbd> move · <kbd>Enter</kbd> open
        </p>
      </div>
      <LeadFilters filters={filters} team={team} onChange={handleFiltersChange} searchRef={searchRef} />
      <div className="list-summary muted small">
        <span role="status">{pages.status === "loading" ? "Loading…" : countLabel(pages.items.length, pages.nextCursor !== null)}</span>
        {hasFilters(filters) && (
          <button type="button" className="button-link" onClick={() => handleFiltersChange({ ...EMPTY_FILTERS, sort: filters.sort })}>
            Clear filters
          </button>
        )}
      </div>
      <FormAlert message={pages.error} />
      {pages.items.length > 0 ? (
        <LeadTable
          leads={pages.items}
          team={team}
          timeZone={user.timezone}
          sort={filters.sort}
          onSortChange={(sort) => handleFiltersChange({ ...filters, sort })}
          onOpen={(lead) => rememberInHistory({ focusLeadId: lead.id })}
          tableRef={tableRef}
        />
      ) : (
        pages.status === "ready" && <p className="empty">{hasFilters(filters) ? "No leads match these filters." : "No leads yet. Send one to POST /api/v1/leads, import a CSV or run `closeloop demo`."}</p>
      )}
      {pages.nextCursor !== null && (
        <button type="button" className="load-more" onClick={pages.loadMore} disabled={pages.status !== "ready"}>
          {pages.status === "loading_more" ? "Loading…" : "Load more"}
        </button>
      )}
    </section>
  );
}
