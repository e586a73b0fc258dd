import { useEffect, useId, useState } from "react";
import { type Lead, listLeads } from "../../api/leads.js";
import { DebouncedField } from "../../components/debounced-field.js";
import { FormAlert } from "../../components/form-alert.js";
import { useResource } from "../../hooks/use-resource.js";

const RESULT_LIMIT = 10;

type PreviewLeadPickerProps = { lead: Lead | null; onChange: (lead: Lead | null) => void };

/** Finds a real lead by name, email or company to preview the steps on; the first match is picked. */
export function PreviewLeadPicker({ lead, onChange }: PreviewLeadPickerProps) {
  const id = useId();
  const [search, setSearch] = useState("");
  const found = useResource(`preview-leads:${search}`, (signal) => (search ? listLeads({ q: search, limit: RESULT_LIMIT }, signal).then((page) => page.items) : Promise.resolve([])));
  const leads = found.data ?? [];

  useEffect(() => {
    if (found.data && !found.data.some((one) => one.id === lead?.id)) onChange(found.data[0] ?? null);
    // On a new answer only: the pick it makes changes `lead`, which must not re-run it.
  }, [found.data]);

  return (
    <div className="preview-lead" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="panel-subtitle">
        Preview on a real lead
      </h3>
      <div className="field-row">
        <DebouncedField label="Find a lead" type="search" placeholder="Name, email or company" value={search} onCommit={(text) => setSearch(text.trim())} />
        <div className="field">
          <label htmlFor={`${id}-lead`}>Preview lead</label>
          <select id={`${id}-lead`} value={lead?.id ?? ""} disabled={leads.length === 0} onChange={(event) => onChange(leads.find((one) => one.id === event.target.value) ?? null)}>
            {leads.length === 0 && <option value="">{search ? "No lead matches" : "Search first"}</option>}
            {leads.map((one) => (
              <option key={one.id} value={one.id}>
                {one.displayName}
                {one.email ? ` · ${one.email}` : ""}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FormAlert message={found.error} />
    </div>
  );
}
