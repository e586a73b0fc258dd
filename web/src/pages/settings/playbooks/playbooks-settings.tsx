import { useState } from "react";
import { deletePlaybook, listPlaybooks, type Playbook } from "../../../api/playbooks.js";
import { listSequences } from "../../../api/sequences.js";
import { listSlaPolicies } from "../../../api/sla-policies.js";
import { userCan } from "../../../app/permissions.js";
import { useSessionUser } from "../../../app/session-context.js";
import { FormAlert } from "../../../components/form-alert.js";
import { problemMessageOf } from "../../../components/form-problem.js";
import { useResource } from "../../../hooks/use-resource.js";
import { PlaybookForm } from "./playbook-form.js";
import { playbookSummary } from "./playbook-words.js";

type Editing = Playbook | "new" | null;

/** What happens to leads by intent level: the list of playbooks, and a form to add or change one. */
export function PlaybooksSettings() {
  const canEdit = userCan(useSessionUser(), "scoring:manage");
  const playbooks = useResource("playbooks", listPlaybooks);
  const policies = useResource("policies", listSlaPolicies);
  const sequences = useResource("sequences:all", (signal) => listSequences({ isArchivedIncluded: true }, signal));
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<string | null>(null);
  const isReady = playbooks.data !== null && policies.data !== null && sequences.data !== null;

  function handleSaved() {
    setEditing(null);
    playbooks.reload();
  }

  async function handleDelete(playbook: Playbook) {
    if (!window.confirm(`Delete “${playbook.name}”? Leads it already applied to keep their SLA and sequence.`)) return;
    try {
      await deletePlaybook(playbook.id);
      setError(null);
      playbooks.update((current) => current.filter((other) => other.id !== playbook.id));
    } catch (failure) {
      setError(problemMessageOf(failure));
    }
  }

  return (
    <div>
      <p className="muted">
        A lead gets the playbook for its intent level and source, else the one for its intent level and any source: at capture, and again whenever its intent level changes. The playbook sets the
        SLA policy (restarting the clock while the lead still waits for a first response), enrols the sequence and shows its guidance on the lead page.
      </p>
      <FormAlert message={playbooks.error ?? policies.error ?? sequences.error ?? error} />
      {playbooks.data?.length === 0 && <p className="empty">No playbooks yet: leads keep the SLA and sequence routing gave them.</p>}
      {isReady && (
        <ul className="card-list" aria-label="Playbooks">
          {/* The API lists them as they are looked for: high intent first, a source's own before any source. */}
          {(playbooks.data ?? []).map((playbook) => (
            <li key={playbook.id} className="rule-card">
              <div className="rule-head">
                <h3>{playbook.name}</h3>
                {canEdit && (
                  <div className="rule-actions">
                    <button type="button" className="button-quiet" aria-label={`Edit ${playbook.name}`} onClick={() => setEditing(playbook)}>
                      Edit
                    </button>
                    <button type="button" className="button-quiet" aria-label={`Delete ${playbook.name}`} onClick={() => void handleDelete(playbook)}>
                      Delete
                    </button>
                  </div>
                )}
              </div>
              <p className="small">{playbookSummary(playbook, policies.data ?? [], sequences.data ?? [])}</p>
              {playbook.stageGuidance && <p className="small muted">{playbook.stageGuidance}</p>}
            </li>
          ))}
        </ul>
      )}
      {canEdit &&
        isReady &&
        (editing === null ? (
          <button type="button" onClick={() => setEditing("new")}>
            New playbook
          </button>
        ) : (
          <PlaybookForm
            key={editing === "new" ? "new" : editing.id}
            playbook={editing === "new" ? null : editing}
            policies={policies.data ?? []}
            sequences={sequences.data ?? []}
            onSaved={handleSaved}
            onCancel={() => setEditing(null)}
          />
        ))}
    </div>
  );
}
