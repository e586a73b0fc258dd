import type { RoutingRule } from "../../../api/routing.js";
import type { Sequence } from "../../../api/sequences.js";
import type { SlaPolicy } from "../../../api/sla-policies.js";
import type { TeamMember } from "../../../api/users.js";
import { ownerName } from "../../../hooks/use-team.js";
import { STRATEGY_LABELS } from "../shared/pool-picker.js";
import { conditionText } from "./condition-text.js";

type RuleCardProps = {
  rule: RoutingRule;
  index: number;
  count: number;
  team: TeamMember[];
  policies: SlaPolicy[];
  sequences: Sequence[];
  onMove: (rule: RoutingRule, step: -1 | 1) => void;
  onEdit: (rule: RoutingRule) => void;
  onDelete: (rule: RoutingRule) => void;
};

/** One rule in the ordered list: when it applies, who gets the leads and how, and the buttons to move, edit or delete it. */
export function RuleCard({ rule, index, count, team, policies, sequences, onMove, onEdit, onDelete }: RuleCardProps) {
  const policy = policies.find((candidate) => candidate.id === rule.slaPolicyId);
  const sequence = sequences.find((candidate) => candidate.id === rule.sequenceId);
  return (
    <li className="rule-card">
      <div className="rule-head">
        <span className="rule-position" aria-hidden="true">
          {index + 1}
        </span>
        <h3>{rule.name}</h3>
        {!rule.isActive && <span className="badge badge-lost">Inactive</span>}
        <div className="rule-actions">
          <button type="button" className="button-quiet" onClick={() => onMove(rule, -1)} disabled={index === 0} aria-label={`Move ${rule.name} up`}>
            ↑
          </button>
          <button type="button" className="button-quiet" onClick={() => onMove(rule, 1)} disabled={index === count - 1} aria-label={`Move ${rule.name} down`}>
            ↓
          </button>
          <button type="button" className="button-quiet" onClick={() => onEdit(rule)} aria-label={`Edit ${rule.name}`}>
            Edit
          </button>
          <button type="button" className="button-quiet" onClick={() => onDelete(rule)} aria-label={`Delete ${rule.name}`}>
            Delete
          </button>
        </div>
      </div>
      <p className="small">
        <span className="muted">When </span>
        {rule.conditions.length === 0 ? "any lead" : rule.conditions.map(conditionText).join(" and ")}
        <span className="muted"> → </span>
        {rule.target.userIds.map((userId) => ownerName(team, userId)).join(", ") || "nobody"}
        <span className="muted"> by {STRATEGY_LABELS[rule.target.strategy].toLowerCase()} · SLA </span>
        {policy?.name ?? "default"}
        {rule.sequenceId && (
          <>
            <span className="muted"> · Sequence </span>
            {sequence?.name ?? "…"}
          </>
        )}
      </p>
    </li>
  );
}
