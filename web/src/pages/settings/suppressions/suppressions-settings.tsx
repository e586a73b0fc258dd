import { useState } from "react";
import { listSuppressions, removeSuppression, type Suppression } from "../../../api/suppressions.js";
import { useSessionUser } from "../../../app/session-context.js";
import { DebouncedField } from "../../../components/debounced-field.js";
import { FormAlert } from "../../../components/form-alert.js";
import { problemMessageOf } from "../../../components/form-problem.js";
import { useResource } from "../../../hooks/use-resource.js";
import { AddSuppressionForm } from "./add-suppression-form.js";
import { appendPage, firstPage, pageQuery, withoutEntry } from "./suppression-pages.js";
import { SuppressionTable } from "./suppression-table.js";

/** The addresses and domains no sequence email goes to: search, add by hand, remove what was added by hand or bounced. */
export function SuppressionsSettings() {
  const user = useSessionUser();
  const [search, setSearch] = useState("");
  const entries = useResource(`suppressions:${search}`, async (signal) => firstPage(search, await listSuppressions(pageQuery(search, 0), signal)));
  const [isLoadingMore, setIsLoadingMore] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  async function handleRemove(entry: Suppression) {
    if (!window.confirm(`Remove ${entry.value} from the list? Sequence email may go to it again.`)) return;
    try {
      await removeSuppression(entry.value);
      entries.update((current) => withoutEntry(current, entry.value));
      setActionError(null);
    } catch (error) {
      setActionError(problemMessageOf(error));
    }
  }

  /** Appends the next page, asked for by offset past the entries shown. */
  async function handleMore() {
    const shown = entries.data;
    if (shown === null || isLoadingMore) return;
    setIsLoadingMore(true);
    try {
      const page = await listSuppressions(pageQuery(shown.search, shown.items.length));
      entries.update((current) => appendPage(current, shown.search, page));
      setActionError(null);
    } catch (error) {
      setActionError(problemMessageOf(error));
    } finally {
      setIsLoadingMore(false);
    }
  }

  const items = entries.data?.items ?? [];
  return (
    <div>
      <p className="muted">Every sequence email checks this list at the moment of sending. Opt-outs are permanent; bounced and hand-added entries can be removed.</p>
      <AddSuppressionForm onAdded={() => entries.reload()} />
      <DebouncedField label="Search" type="search" placeholder="Address or domain" value={search} onCommit={(text) => setSearch(text.trim())} />
      <FormAlert message={entries.error ?? actionError} />
      {entries.data && items.length === 0 && <p className="empty">{search ? "Nothing matches." : "Nothing is suppressed yet."}</p>}
      {items.length > 0 && <SuppressionTable entries={items} timeZone={user.timezone} onRemove={handleRemove} />}
      {entries.data?.hasMore && (
        <button type="button" className="load-more" onClick={() => void handleMore()} disabled={isLoadingMore}>
          {isLoadingMore ? "Loading…" : "Show more"}
        </button>
      )}
    </div>
  );
}
