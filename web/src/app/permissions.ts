import type { SessionUser } from "../api/auth.js";
import { hasPermission, type Permission } from "../../../src/domain/access/permission.js";

/** Whether the signed-in user's role holds the permission, by the same table the API checks. */
export function userCan(user: SessionUser, permission: Permission): boolean {
  return hasPermission({ kind: "user", userId: user.id, role: user.role }, permission);
}
