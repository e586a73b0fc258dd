import { hasPermission, type Principal } from "../../domain/access/permission.js";
import { DomainError } from "../../domain/errors.js";

/** Refuses unless the caller is the person themself or may manage routing (managers, admins). */
export function checkActsForPerson(principal: Principal, userId: string, action: string): void {
  const isSelf = principal.kind === "user" && principal.userId === userId;
  if (!isSelf && !hasPermission(principal, "routing:manage")) {
    throw new DomainError("forbidden", { field: "id", message: `id: only managers and admins can ${action} for someone else` });
  }
}
