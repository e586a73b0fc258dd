import type { Lead } from "../../api/leads.js";
import { AppLink } from "../../components/app-link.js";
import { SlaStatus } from "../../components/sla-status.js";
import { StageBadge } from "../../components/stage-badge.js";
import { isSlaOverdue } from "../../format/format-sla.js";
import { formatRelative } from "../../format/format-time.js";

type QueueTableProps = { leads: Lead[]; timeZone: string; now: number };

/** Open leads in the order to work them: the SLA clock first, then who and from where. */
export function QueueTable({ leads, timeZone, now }: QueueTableProps) {
  return (
    <table className="lead-table queue-table">
      <thead>
        <tr>
          <th scope="col">First response</th>
          <th scope="col">Lead</th>
          <th scope="col">Company</th>
          <th scope="col">Source</th>
          <th scope="col">Stage</th>
          <th scope="col">Captured</th>
        </tr>
      </thead>
      <tbody>
        {leads.map((lead) => (
          <tr key={lead.id} className={isSlaOverdue(lead.sla, now) ? "is-overdue" : undefined}>
            <td>
              <SlaStatus sla={lead.sla} timeZone={timeZone} />
            </td>
            <td>
              <AppLink href={`/leads/${encodeURIComponent(lead.id)}`} data-lead-id={lead.id} state={{ isFromList: true }}>
                {lead.displayName}
              </AppLink>
              <div className="muted small">{lead.email ?? lead.phone}</div>
            </td>
            <td>{lead.company}</td>
            <td>{lead.source}</td>
            <td>
              <StageBadge stage={lead.stage} />
            </td>
            <td>
              <time dateTime={lead.createdAt}>{formatRelative(lead.createdAt, now)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
