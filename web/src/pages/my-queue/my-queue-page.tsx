import { useRef } from "react";
import { navigate, useLocation } from "../../app/location.js";
import { useSessionUser } from "../../app/session-context.js";
import { FormAlert } from "../../components/form-alert.js";
import { OwnerPicker } from "../../components/owner-picker.js";
import { isSlaOverdue } from "../../format/format-sla.js";
import { useDocumentTitle } from "../../hooks/use-document-title.js";
import { useNow } from "../../hooks/use-now.js";
import { useShortcuts } from "../../hooks/use-shortcuts.js";
import { useTeam } from "../../hooks/use-team.js";
import { moveRowFocus } from "../lead-list/use-row-focus.js";
import { QueueTable } from "./queue-table.js";
import { SequenceTaskList } from "./sequence-task-list.js";
import { useQueue } from "./use-queue.js";

/** A person's open leads, most urgent first, with each SLA clock counting down live. */
export function MyQueuePage() {
  const user = useSessionUser();
  const team = useTeam();
  const location = useLocation();
  const tableRef = useRef<HTMLDivElement>(null);
  const canPickPerson = user.role !== "rep";
  const userId = (canPickPerson && location.query.get("user")) || user.id;
  const queue = useQueue(userId === user.id ? undefined : userId);
  const now = useNow();
  const personName = userId === user.id ? "My queue" : `${team.find((member) => member.id === userId)?.name ?? "Someone"}'s queue`;
  useDocumentTitle(personName);

  useShortcuts({
    j: () => moveRowFocus(tableRef.current?.querySelector("table") ?? null, 1),
    k: () => moveRowFocus(tableRef.current?.querySelector("table") ?? null, -1),
  });

  function handlePersonChange(next: string) {
    navigate(next === user.id ? "/queue" : `/queue?user=${encodeURIComponent(next)}`, { replace: true });
  }

  const overdueCount = queue.items.filter((lead) => isSlaOverdue(lead.sla, now)).length;
  return (
    <section className="page">
      <div className="page-title">
        <h1>{personName}</h1>
        {canPickPerson && <OwnerPicker label="Whose queue" team={team} meId={user.id} value={userId} onChange={handlePersonChange} />}
      </div>
      <SequenceTaskList key={userId} userId={userId === user.id ? undefined : userId} now={now} />
      <p className="list-summary muted small" role="status">
        {queue.status === "loading" ? "Loading…" : `${queue.items.length} open ${queue.items.length === 1 ? "lead" : "leads"}, most urgent first${overdueCount > 0 ? ` · ${overdueCount} overdue` : ""}`}
      </p>
      <FormAlert message={queue.error} />
      <div ref={tableRef}>{queue.items.length > 0 && <QueueTable leads={queue.items} timeZone={user.timezone} now={now} />}</div>
      {queue.status === "ready" && queue.items.length === 0 && <p className="empty">Nothing waiting. New leads routed here appear on their own.</p>}
    </section>
  );
}
