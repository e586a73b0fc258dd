import type { Ref } from "react";
import type { Lead } from "../../api/leads.js";
import type { TeamMember } from "../../api/users.js";
import { AppLink } from "../../components/app-link.js";
import { SlaStatus } from "../../components/sla-status.js";
import { StageBadge } from "../../components/stage-badge.js";
import { formatDateTime } from "../../format/format-time.js";
import { ownerName } from "../../hooks/use-team.js";
import type { LeadSort } from "./lead-list-query.js";

type LeadTableProps = {
  leads: Lead[];
  team: TeamMember[];
  timeZone: string;
  sort: LeadSort;
  onSortChange: (sort: LeadSort) => void;
  onOpen: (lead: Lead) => void;
  tableRef: Ref<HTMLTableElement>;
};

/** The leads as a table; each name is a link, which is what j/k move the focus between. */
export function LeadTable({ leads, team, timeZone, sort, onSortChange, onOpen, tableRef }: LeadTableProps) {
  const isNewestFirst = sort === "created_desc";
  return (
    <table className="lead-table" ref={tableRef}>
      <thead>
        <tr>
          <th scope="col">Lead</th>
          <th scope="col">Company</th>
          <th scope="col">Source</th>
          <th scope="col">Campaign</th>
          <th scope="col">Owner</th>
          <th scope="col">Stage</th>
          <th scope="col">First response</th>
          <th scope="col" aria-sort={isNewestFirst ? "descending" : "ascending"}>
            <button type="button" className="sort-button" onClick={() => onSortChange(isNewestFirst ? "created_asc" : "created_desc")}>
              Created <span aria-hidden="true">{isNewestFirst ? "↓" : "↑"}</span>
              <span className="visually-hidden">{isNewestFirst ? ", newest first; show oldest first" : ", oldest first; show newest first"}</span>
            </button>
          </th>
        </tr>
      </thead>
      <tbody>
        {leads.map((lead) => (
          <tr key={lead.id}>
            <td>
              <AppLink href={`/leads/${encodeURIComponent(lead.id)}`} data-lead-id={lead.id} state={{ isFromList: true }} onNavigate={() => onOpen(lead)}>
                {lead.displayName}
              </AppLink>
              <div className="muted small">{lead.email ?? lead.phone}</div>
            </td>
            <td>{lead.company}</td>
            <td>{lead.source}</td>
            <td>{lead.campaign}</td>
            <td>{ownerName(team, lead.ownerId)}</td>
            <td>
              <StageBadge stage={lead.stage} />
            </td>
            <td>
              <SlaStatus sla={lead.sla} timeZone={timeZone} />
            </td>
            <td>
              <time dateTime={lead.createdAt}>{formatDateTime(lead.createdAt, timeZone)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
