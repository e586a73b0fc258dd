import { getAttention } from "../../api/attention.js";
import { getPipeline } from "../../api/pipeline.js";
import { navigate, useLocation } from "../../app/location.js";
import { useSessionUser } from "../../app/session-context.js";
import { FormAlert } from "../../components/form-alert.js";
import { OwnerPicker } from "../../components/owner-picker.js";
import { useDocumentTitle } from "../../hooks/use-document-title.js";
import { useNow } from "../../hooks/use-now.js";
import { useResource } from "../../hooks/use-resource.js";
import { useTeam } from "../../hooks/use-team.js";
import { attentionSummary } from "./attention-reasons.js";
import { AttentionTable } from "./attention-table.js";

const TEAM = "";

/** Open leads that need someone now: a rep's own, or for managers the team's with an owner filter. */
export function AttentionPage() {
  const user = useSessionUser();
  const team = useTeam();
  const location = useLocation();
  const now = useNow();
  const isManager = user.role !== "rep";
  // Reps always see their own queue; managers start on the whole team.
  const ownerId = isManager ? (location.query.get("owner") ?? TEAM) : user.id;
  const attention = useResource(`attention:${ownerId}`, (signal) => getAttention(isManager && ownerId !== TEAM ? { ownerId } : {}, signal));
  const pipeline = useResource("pipeline", getPipeline);
  useDocumentTitle("Needs attention");

  function handleOwnerChange(next: string) {
    navigate(next === TEAM ? "/attention" : `/attention?owner=${encodeURIComponent(next)}`, { replace: true });
  }

  const items = attention.data ?? [];
  return (
    <section className="page">
      <div className="page-title">
        <h1>Needs attention</h1>
        {isManager && <OwnerPicker label="Owner" everyoneLabel="Whole team" team={team} meId={user.id} value={ownerId} onChange={handleOwnerChange} />}
      </div>
      <p className="list-summary muted small" role="status">
        {attention.data === null && attention.error === null ? "Loading…" : attentionSummary(items.length)}
      </p>
      <FormAlert message={attention.error} />
      {items.length > 0 && <AttentionTable items={items} pipeline={pipeline.data} team={team} isTeamView={isManager && ownerId === TEAM} timeZone={user.timezone} now={now} />}
      {attention.data !== null && items.length === 0 && <p className="empty">Every open lead has a next step on time, and nobody is waiting.</p>}
    </section>
  );
}
