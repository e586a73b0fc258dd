import { actorOf, type Principal } from "../../domain/access/permission.js";
import { invalidField } from "../../domain/errors.js";
import { appendEvents } from "../../store/events.js";
import { insertOutOfOffice, type OutOfOffice } from "../../store/out-of-office.js";
import { findUserById } from "../../store/users.js";
import type { ServiceContext } from "../context.js";
import { checkActsForPerson } from "./acts-for-person.js";
import { personNotFound } from "./read-availability.js";

/** Longest absence in one period: a year. Longer means the person has left; deactivate them instead. */
const MAX_ABSENCE_MS = 366 * 24 * 60 * 60 * 1000;

export type NewOutOfOffice = { startsAt: number; endsAt: number; note: string | null };

/**
 * Records a period in which routing skips the person, and appends `availability_changed`.
 * People may add their own; managers and admins anyone's. A period already over is refused:
 * it would change nothing and never show in their list.
 */
export async function addOutOfOffice(ctx: ServiceContext, principal: Principal, userId: string, input: NewOutOfOffice): Promise<OutOfOffice> {
  checkActsForPerson(principal, userId, "set out-of-office");
  const now = ctx.clock.now();
  if (input.endsAt <= input.startsAt) throw invalidField("endsAt", "must be after startsAt");
  if (input.endsAt <= now) throw invalidField("endsAt", "must be in the future");
  if (input.endsAt - input.startsAt > MAX_ABSENCE_MS) throw invalidField("endsAt", "must be at most a year after startsAt");
  const note = input.note?.trim() || null;
  const period: OutOfOffice = { id: ctx.ids("ooo"), userId, startsAt: input.startsAt, endsAt: input.endsAt, note };
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await findUserById(trx, userId))) throw personNotFound(userId);
    await insertOutOfOffice(trx, period, now);
    await appendEvents(trx, [{ leadId: null, type: "availability_changed", actor: actorOf(principal), at: now, data: { userId, outOfOfficeAdded: period } }]);
  });
  return period;
}
