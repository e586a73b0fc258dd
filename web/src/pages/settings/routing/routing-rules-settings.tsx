import { useState } from "react";
import { deleteRoutingRule, listRoutingRules, reorderRoutingRules, type RoutingRule } from "../../../api/routing.js";
import { listSequences } from "../../../api/sequences.js";
import { listSlaPolicies } from "../../../api/sla-policies.js";
import { FormAlert } from "../../../components/form-alert.js";
import { problemMessageOf } from "../../../components/form-problem.js";
import { useResource } from "../../../hooks/use-resource.js";
import { useTeam } from "../../../hooks/use-team.js";
import { RuleCard } from "./rule-card.js";
import { RuleForm } from "./rule-form.js";
import { TestLeadForm } from "./test-lead-form.js";

/** "new" while adding a rule, the rule while editing it, null otherwise. */
type Editing = RoutingRule | "new" | null;

/** The ordered routing rules (first match wins), their editor, and the "Test this lead" preview. */
export function RoutingRulesSettings() {
  const team = useTeam();
  const rules = useResource("rules", listRoutingRules);
  const policies = useResource("policies", listSlaPolicies);
  const sequences = useResource("sequences:all", (signal) => listSequences({ isArchivedIncluded: true }, signal));
  const [editing, setEditing] = useState<Editing>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const items = rules.data ?? [];

  async function run(action: () => Promise<void>) {
    setActionError(null);
    try {
      await action();
    } catch (error) {
      setActionError(problemMessageOf(error));
    }
    rules.reload();
  }

  function handleMove(rule: RoutingRule, step: -1 | 1) {
    const ids = items.map((candidate) => candidate.id);
    const from = ids.indexOf(rule.id);
    ids.splice(from, 1);
    ids.splice(from + step, 0, rule.id);
    rules.update((current) => ids.map((id) => current.find((candidate) => candidate.id === id)!));
    void run(() => reorderRoutingRules(ids));
  }

  function handleDelete(rule: RoutingRule) {
    if (window.confirm(`Delete the rule “${rule.name}”? Leads it would route go to the next matching rule.`)) void run(() => deleteRoutingRule(rule.id));
  }

  function handleSaved() {
    setEditing(null);
    rules.reload();
  }

  return (
    <div className="settings-columns">
      <div>
        <p className="muted">Rules are tried from the top; the first active rule whose conditions all hold picks the pool. People out of hours, out of office, inactive or at capacity are skipped.</p>
        <FormAlert message={rules.error ?? policies.error ?? actionError} />
        {rules.data !== null && items.length === 0 && <p className="empty">No rules yet: every lead goes to the fallback pool, if there is one.</p>}
        <ol className="rule-list" aria-label="Routing rules, in the order they are tried">
          {items.map((rule, index) => (
            <RuleCard key={rule.id} rule={rule} index={index} count={items.length} team={team} policies={policies.data ?? []} sequences={sequences.data ?? []} onMove={handleMove} onEdit={setEditing} onDelete={handleDelete} />
          ))}
        </ol>
        {editing === null ? (
          <button type="button" onClick={() => setEditing("new")}>
            Add rule
          </button>
        ) : (
          <RuleForm key={editing === "new" ? "new" : editing.id} rule={editing === "new" ? null : editing} team={team} policies={policies.data ?? []} sequences={sequences.data ?? []} onSaved={handleSaved} onCancel={() => setEditing(null)} />
        )}
      </div>
      <TestLeadForm />
    </div>
  );
}
