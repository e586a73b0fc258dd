import { useState } from "react";
import { changeObjection, type Objection, type ResponseVersion } from "../../../api/objections.js";
import { problemMessageOf } from "../../../components/form-problem.js";
import { formatDate } from "../../../format/format-time.js";
import { CATEGORY_LABELS } from "../../lead-detail/objection-words.js";
import { groupResponses } from "./catalog-text.js";
import { ResponseForm } from "./response-form.js";

type ObjectionCardProps = { objection: Objection; timeZone: string; onEdit: () => void; onChanged: () => void };

/** An objection with its responses (current wording first, earlier wordings folded away), retire or revive, and rewording. */
export function ObjectionCard({ objection, timeZone, onEdit, onChanged }: ObjectionCardProps) {
  const [editing, setEditing] = useState<ResponseVersion | "new" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const groups = groupResponses(objection.responses);

  async function handleToggleActive() {
    setProblem(null);
    try {
      await changeObjection(objection.id, { isActive: !objection.isActive });
      onChanged();
    } catch (error) {
      setProblem(problemMessageOf(error));
    }
  }

  function handleSaved() {
    setEditing(null);
    onChanged();
  }

  return (
    <li className={objection.isActive ? "rule-card" : "rule-card is-retired"}>
      <div className="rule-head">
        <h3>{objection.name}</h3>
        <span className="badge">{CATEGORY_LABELS[objection.category as keyof typeof CATEGORY_LABELS] ?? objection.category}</span>
        {!objection.isActive && <span className="badge badge-lost">Retired</span>}
        <div className="rule-actions">
          <button type="button" className="button-quiet" onClick={onEdit} aria-label={`Edit ${objection.name}`}>
            Edit
          </button>
          <button type="button" className="button-quiet" onClick={handleToggleActive} aria-label={`${objection.isActive ? "Retire" : "Revive"} ${objection.name}`}>
            {objection.isActive ? "Retire" : "Revive"}
          </button>
        </div>
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {groups.length === 0 ? (
        <p className="muted small">No responses yet.</p>
      ) : (
      <ol className="response-list" aria-label={`Responses to ${objection.name}`}>
        {groups.map(({ responseId, current, older }) => (
          <li key={responseId}>
            <p>
              “{current.text}” <span className="muted small">version {current.version}, {formatDate(current.createdAt, timeZone)}</span>{" "}
              <button type="button" className="button-link small" onClick={() => setEditing(current)}>
                Reword
              </button>
            </p>
            {older.length > 0 && (
              <details>
                <summary>Earlier wordings ({older.length})</summary>
                <ul className="plain-list small">
                  {older.map((version) => (
                    <li key={version.id}>
                      Version {version.version}: “{version.text}”
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {editing !== "new" && editing?.responseId === responseId && <ResponseForm objectionId={objection.id} rewording={editing} onSaved={handleSaved} onCancel={() => setEditing(null)} />}
          </li>
        ))}
      </ol>
      )}
      {editing === "new" ? (
        <ResponseForm objectionId={objection.id} rewording={null} onSaved={handleSaved} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" className="button-quiet small-button" onClick={() => setEditing("new")} aria-label={`Add a response to ${objection.name}`}>
          Add response
        </button>
      )}
    </li>
  );
}
