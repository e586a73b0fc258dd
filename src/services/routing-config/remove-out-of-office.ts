import { actorOf, type Principal } from "../../domain/access/permission.js";
import { DomainError } from "../../domain/errors.js";
import { appendEvents } from "../../store/events.js";
import { deleteOutOfOffice } from "../../store/out-of-office.js";
import type { ServiceContext } from "../context.js";
import { checkActsForPerson } from "./acts-for-person.js";

/** Deletes one of a person's out-of-office periods (theirs, or anyone's for managers) and appends `availability_changed`. */
export async function removeOutOfOffice(ctx: ServiceContext, principal: Principal, userId: string, periodId: string): Promise<void> {
  checkActsForPerson(principal, userId, "remove out-of-office");
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteOutOfOffice(trx, userId, periodId))) {
      throw new DomainError("not_found", { field: "periodId", message: `periodId: ${periodId} is not an out-of-office period of ${userId}` });
    }
    await appendEvents(trx, [{ leadId: null, type: "availability_changed", actor: actorOf(principal), at: ctx.clock.now(), data: { userId, outOfOfficeRemoved: periodId } }]);
  });
}
