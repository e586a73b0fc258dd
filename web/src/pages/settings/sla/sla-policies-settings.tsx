import { useState } from "react";
import { listSlaPolicies, type SlaPolicy } from "../../../api/sla-policies.js";
import { FormAlert } from "../../../components/form-alert.js";
import { useResource } from "../../../hooks/use-resource.js";
import { ESCALATION_LABELS } from "./escalation-steps.js";
import { SlaPolicyForm } from "./sla-policy-form.js";

type Editing = SlaPolicy | "new" | null;

function policySummary(policy: SlaPolicy): string {
  const clock = policy.clock === "business" ? "business minutes" : "minutes, wall clock";
  const steps = policy.escalation.map((step) => `${ESCALATION_LABELS[step.action].toLowerCase()} (+${step.afterBreachMinutes} min)`).join(", then ");
  return `First response within ${policy.targetMinutes} ${clock}; warn at ${Math.round(policy.warningShare * 100)}%.${steps ? ` After a breach: ${steps}.` : ""}`;
}

/** Speed-to-lead promises: the list, and a form to add or change one. */
export function SlaPoliciesSettings() {
  const policies = useResource("policies", listSlaPolicies);
  const [editing, setEditing] = useState<Editing>(null);

  function handleSaved() {
    setEditing(null);
    policies.reload();
  }

  return (
    <div>
      <p className="muted">The clock starts at capture and stops at the first outbound call, email or SMS by a person. Rules pick a policy; the rest get the default.</p>
      <FormAlert message={policies.error} />
      <ul className="card-list">
        {policies.data?.map((policy) => (
          <li key={policy.id} className="rule-card">
            <div className="rule-head">
              <h3>{policy.name}</h3>
              {policy.isDefault && <span className="badge badge-contacted">Default</span>}
              <div className="rule-actions">
                <button type="button" className="button-quiet" onClick={() => setEditing(policy)} aria-label={`Edit ${policy.name}`}>
                  Edit
                </button>
              </div>
            </div>
            <p className="small">{policySummary(policy)}</p>
          </li>
        ))}
      </ul>
      {editing === null ? (
        <button type="button" onClick={() => setEditing("new")}>
          New SLA policy
        </button>
      ) : (
        <SlaPolicyForm key={editing === "new" ? "new" : editing.id} policy={editing === "new" ? null : editing} onSaved={handleSaved} onCancel={() => setEditing(null)} />
      )}
    </div>
  );
}
