import { hasPermission, type Principal } from "../../domain/access/permission.js";
import { DomainError } from "../../domain/errors.js";

/** Refuses unless the principal may build sequences and manage the suppression list (managers, admins). */
export function checkManagesSequences(principal: Principal): void {
  if (!hasPermission(principal, "sequences:manage")) throw new DomainError("forbidden", { message: "This needs the \"sequences:manage\" permission." });
}

/** Refuses unless the caller acts for themself (`field` names whose) or manages sequences. */
export function checkActsForOwner(principal: Principal, userId: string, field: string): void {
  const isSelf = principal.kind === "user" && principal.userId === userId;
  if (!isSelf && !hasPermission(principal, "sequences:manage")) {
    throw new DomainError("forbidden", { field, message: `${field}: only managers and admins can act for someone else` });
  }
}
