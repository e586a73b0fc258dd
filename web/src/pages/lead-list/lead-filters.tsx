import { type ChangeEvent, type Ref, useId } from "react";
import type { TeamMember } from "../../api/users.js";
import { DebouncedField } from "../../components/debounced-field.js";
import { DEFAULT_STAGES, stageLabel } from "../../components/stage-badge.js";
import type { LeadListFilters } from "./lead-list-query.js";

type LeadFiltersProps = {
  filters: LeadListFilters;
  team: TeamMember[];
  onChange: (next: LeadListFilters) => void;
  searchRef: Ref<HTMLInputElement>;
};

type FilterKey = "owner" | "stage" | "from" | "to";

/** The list's filter bar; every change lands in the URL through `onChange`. */
export function LeadFilters({ filters, team, onChange, searchRef }: LeadFiltersProps) {
  const id = useId();
  const fieldId = (key: FilterKey) => `${id}-${key}`;

  function handleChange(key: FilterKey) {
    return (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => onChange({ ...filters, [key]: event.target.value });
  }

  return (
    <form className="filters" role="search" aria-label="Filter leads" onSubmit={(event) => event.preventDefault()}>
      <DebouncedField
        ref={searchRef}
        type="search"
        label={
          <>
            Search <kbd>/</kbd>
          </>
        }
        placeholder="Name, email or company"
        value={filters.q}
        onCommit={(q) => onChange({ ...filters, q })}
      />
      <div className="field">
        <label htmlFor={fieldId("owner")}>Owner</label>
        <select id={fieldId("owner")} value={filters.owner} onChange={handleChange("owner")}>
          <option value="">Anyone</option>
          <option value="none">Unassigned</option>
          {team.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={fieldId("stage")}>Stage</label>
        <select id={fieldId("stage")} value={filters.stage} onChange={handleChange("stage")}>
          <option value="">Any stage</option>
          {DEFAULT_STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {stageLabel(stage)}
            </option>
          ))}
        </select>
      </div>
      <DebouncedField label="Source" placeholder="e.g. google" value={filters.source} onCommit={(source) => onChange({ ...filters, source })} />
      <DebouncedField label="Campaign" value={filters.campaign} onCommit={(campaign) => onChange({ ...filters, campaign })} />
      <div className="field">
        <label htmlFor={fieldId("from")}>Created from</label>
        <input id={fieldId("from")} type="date" value={filters.from} max={filters.to || undefined} onChange={handleChange("from")} />
      </div>
      <div className="field">
        <label htmlFor={fieldId("to")}>Created to</label>
        <input id={fieldId("to")} type="date" value={filters.to} min={filters.from || undefined} onChange={handleChange("to")} />
      </div>
    </form>
  );
}
