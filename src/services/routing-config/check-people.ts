import { invalidField } from "../../domain/errors.js";
import type { Executor } from "../../store/engine.js";
import { findUsersByIds } from "../../store/users.js";

/**
 * Refuses ids that are not active users. `fieldOf(index)` names the offending entry, e.g.
 * `target.userIds.2`: a pool or a backup that names nobody would silently route nowhere.
 */
export async function checkActivePeople(db: Executor, userIds: readonly string[], fieldOf: (index: number) => string): Promise<void> {
  const users = new Map((await findUsersByIds(db, [...new Set(userIds)])).map((user) => [user.id, user]));
  userIds.forEach((userId, index) => {
    const user = users.get(userId);
    if (!user) throw invalidField(fieldOf(index), `no user ${userId}`);
    if (!user.isActive) throw invalidField(fieldOf(index), `${user.name} is deactivated`);
  });
}
