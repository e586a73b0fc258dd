import type { Lead } from "../api/leads.js";
import { describeSla } from "../format/format-sla.js";
import { formatDateTime } from "../format/format-time.js";
import { useNow } from "../hooks/use-now.js";

const TONE_MARK: Record<string, string> = { running: "◷", warning: "◔", overdue: "⚠", met: "✓", late: "⚠" };

/** A lead's speed-to-lead clock, live to the second; an icon and words as well as a colour. */
export function SlaStatus({ sla, timeZone }: { sla: Lead["sla"]; timeZone: string }) {
  const now = useNow();
  if (sla === null) return <span className="muted">No SLA</span>;
  const { tone, text } = describeSla(sla, now);
  return (
    <span className={`sla sla-${tone}`} title={`First response due ${formatDateTime(sla.dueAt, timeZone)}`}>
      <span aria-hidden="true">{TONE_MARK[tone]} </span>
      {text}
    </span>
  );
}
