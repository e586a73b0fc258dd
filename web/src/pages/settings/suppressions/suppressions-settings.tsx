import { useState } from "react";
import { listSuppressions, removeSuppression, type Suppression } from "../../../api/suppressions.js";
import { useSessionUser } from "../../../app/session-context.js";
import { DebouncedField } from "../../../components/debounced-field.js";
import { FormAlert } from "../../../components/form-alert.js";
import { problemMessageOf } from "../../../components/form-problem.js";
import { useResource } from "../../../hooks/use-resource.js";
import { AddSuppressionForm } from "./add-suppression-form.js";
import { SuppressionTable } from "./suppression-table.js";

const PAGE_SIZE = 100;

/** The addresses and domains no sequence email goes to: search, add by hand, remove what was added by hand or bounced. */
export function SuppressionsSettings() {
  const user = useSessionUser();
  const [search, setSearch] = useState("");
  const [limit, setLimit] = useState(PAGE_SIZE);
  const entries = useResource(`suppressions:${search}:${limit}`, (signal) => listSuppressions({ search, limit, offset: 0 }, signal));
  const [actionError, setActionError] = useState<string | null>(null);

  async function handleRemove(entry: Suppression) {
    if (!window.confirm(`Remove ${entry.value} from the list? Sequence email may go to it again.`)) return;
    try {
      await removeSuppression(entry.value);
      entries.update((current) => current.filter((one) => one.value !== entry.value));
      setActionError(null);
    } catch (error) {
      setActionError(problemMessageOf(error));
    }
  }

  function handleSearch(text: string) {
    setSearch(text.trim());
    setLimit(PAGE_SIZE);
  }

  const items = entries.data ?? [];
  return (
    <div>
      <p className="muted">Every sequence email checks this list at the moment of sending. Opt-outs are permanent; bounced and hand-added entries can be removed.</p>
      <AddSuppressionForm onAdded={() => entries.reload()} />
      <DebouncedField label="Search" type="search" placeholder="Address or domain" value={search} onCommit={handleSearch} />
      <FormAlert message={entries.error ?? actionError} />
      {entries.data && items.length === 0 && <p className="empty">{search ? "Nothing matches." : "Nothing is suppressed yet."}</p>}
      {items.length > 0 && <SuppressionTable entries={items} timeZone={user.timezone} onRemove={handleRemove} />}
      {items.length === limit && (
        <button type="button" className="load-more" onClick={() => setLimit((current) => current + PAGE_SIZE)}>
          Show more
        </button>
      )}
    </div>
  );
}
