import { useId } from "react";
import type { TeamMember } from "../../api/users.js";
import { FieldError } from "../../components/field-error.js";
import type { FormProblem } from "../../components/form-problem.js";

type NextStepFieldsProps = {
  team: TeamMember[];
  problem: FormProblem;
  /** Input names get this prefix, so one form can hold two steps. */
  prefix?: string;
  defaults?: { action: string; due: string; ownerId: string };
  isRequired?: boolean;
};

/** What happens next, when (in the person's zone) and who does it; the owner defaults to the lead's owner. */
export function NextStepFields({ team, problem, prefix = "", defaults, isRequired = true }: NextStepFieldsProps) {
  const id = useId();
  const actionError = problem.fieldErrors.action;
  const dueError = problem.fieldErrors.dueAt;
  const ownerError = problem.fieldErrors.ownerId;
  return (
    <div className="field-row">
      <div className="field next-step-action">
        <label htmlFor={`${id}-action`}>Next step</label>
        <input
          id={`${id}-action`}
          name={`${prefix}action`}
          maxLength={500}
          required={isRequired}
          defaultValue={defaults?.action}
          placeholder="e.g. Call to walk through pricing"
          aria-invalid={actionError ? true : undefined}
          aria-describedby={actionError ? `${id}-action-error` : undefined}
        />
        <FieldError message={actionError} id={`${id}-action-error`} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-due`}>Due</label>
        <input
          id={`${id}-due`}
          name={`${prefix}due`}
          type="datetime-local"
          required={isRequired}
          defaultValue={defaults?.due}
          aria-invalid={dueError ? true : undefined}
          aria-describedby={dueError ? `${id}-due-error` : undefined}
        />
        <FieldError message={dueError} id={`${id}-due-error`} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-owner`}>Owner</label>
        {/* Keyed by the team size: the default owner is only selectable once the team has loaded. */}
        <select
          key={team.length}
          id={`${id}-owner`}
          name={`${prefix}ownerId`}
          defaultValue={defaults?.ownerId ?? ""}
          aria-invalid={ownerError ? true : undefined}
          aria-describedby={ownerError ? `${id}-owner-error` : undefined}
        >
          <option value="">The lead's owner</option>
          {team
            .filter((member) => member.isActive)
            .map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
        </select>
        <FieldError message={ownerError} id={`${id}-owner-error`} />
      </div>
    </div>
  );
}
