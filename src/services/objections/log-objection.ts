import { actorOf, type Principal } from "../../domain/access/permission.js";
import { invalidField } from "../../domain/errors.js";
import { appendEvents } from "../../store/events.js";
import { insertObjectionLog, type StoredObjectionLog } from "../../store/objection-logs.js";
import { findObjection, findResponseVersion } from "../../store/objections.js";
import type { ServiceContext } from "../context.js";
import { findWorkableLead } from "../leads/find-workable-lead.js";

export type ObjectionRaised = { objectionId: string; responseVersionId?: string | undefined; notes?: string | null | undefined };

/**
 * Logs an objection a lead raised and the response version the rep used, and appends
 * `objection_logged`. The log is the link to the lead's eventual outcome, which gives each
 * response version its win rate. Retired objections are refused: reps should not pick them.
 */
export async function logObjection(ctx: ServiceContext, principal: Principal, leadId: string, input: ObjectionRaised): Promise<StoredObjectionLog> {
  return ctx.db.transaction().execute(async (trx) => {
    const lead = await findWorkableLead(trx, principal, leadId, { isLocking: false });
    const objection = await findObjection(trx, input.objectionId);
    if (!objection || !objection.isActive) throw invalidField("objectionId", `no active objection ${input.objectionId}`);
    const version = input.responseVersionId === undefined ? undefined : await findResponseVersion(trx, input.responseVersionId);
    if (input.responseVersionId !== undefined && version?.objectionId !== objection.id) {
      throw invalidField("responseVersionId", `objection ${objection.id} has no response version ${input.responseVersionId}`);
    }
    const log: StoredObjectionLog = {
      id: ctx.ids("objlog"),
      leadId: lead.id,
      objectionId: objection.id,
      responseVersionId: version?.id ?? null,
      notes: input.notes?.trim() || null,
      actor: actorOf(principal),
      loggedAt: ctx.clock.now(),
    };
    await insertObjectionLog(trx, log);
    const data = { objectionLogId: log.id, objectionId: objection.id, objectionName: objection.name, category: objection.category, responseVersionId: log.responseVersionId, responseId: version?.responseId ?? null, notes: log.notes };
    await appendEvents(trx, [{ leadId: lead.id, type: "objection_logged", actor: log.actor, at: log.loggedAt, data }]);
    return log;
  });
}
