import { useId } from "react";
import type { RoutingStrategy } from "../../../api/routing.js";
import type { TeamMember } from "../../../api/users.js";
import { ROUTING_STRATEGIES } from "../../../../../src/domain/routing/routing-rule.js";

/** Strategy names as the settings screens show them. */
export const STRATEGY_LABELS: Record<RoutingStrategy, string> = {
  round_robin: "Round robin",
  weighted_round_robin: "Weighted round robin",
  least_loaded: "Least loaded (open leads against capacity)",
};

export type Pool = { userIds: string[]; strategy: RoutingStrategy };

type PoolPickerProps = { legend: string; team: TeamMember[]; value: Pool; onChange: (next: Pool) => void };

/** Who shares the leads (a checkbox per active person) and how. */
export function PoolPicker({ legend, team, value, onChange }: PoolPickerProps) {
  const id = useId();
  function toggle(userId: string, isChecked: boolean) {
    onChange({ ...value, userIds: isChecked ? [...value.userIds, userId] : value.userIds.filter((other) => other !== userId) });
  }
  return (
    <fieldset className="pool-picker">
      <legend>{legend}</legend>
      <div className="checkbox-grid">
        {team
          .filter((member) => member.isActive || value.userIds.includes(member.id))
          .map((member) => (
            <label key={member.id} className="checkbox">
              <input type="checkbox" checked={value.userIds.includes(member.id)} onChange={(event) => toggle(member.id, event.target.checked)} />
              {member.name} <span className="muted small">({member.role})</span>
            </label>
          ))}
      </div>
      <div className="field">
        <label htmlFor={`${id}-strategy`}>Strategy</label>
        <select id={`${id}-strategy`} value={value.strategy} onChange={(event) => onChange({ ...value, strategy: event.target.value as RoutingStrategy })}>
          {ROUTING_STRATEGIES.map((strategy) => (
            <option key={strategy} value={strategy}>
              {STRATEGY_LABELS[strategy]}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
