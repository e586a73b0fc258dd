import { DomainError } from "../../domain/errors.js";
import type { Actor } from "../../domain/lead/lead-event.js";
import { appendEvents } from "../../store/events.js";
import { retryDeadMessage } from "../../store/outbox.js";
import { retryDeadTimer } from "../../store/timers.js";
import type { ServiceContext } from "../context.js";

export type DeadWorkKind = "timer" | "message";

/**
 * Sends a dead timer or message back to the worker with a fresh set of attempts, due now, and
 * appends `work_retried`. The worker is woken at commit.
 */
export async function retryDeadWork(ctx: ServiceContext, kind: DeadWorkKind, id: string, actor: Actor): Promise<{ kind: DeadWorkKind; id: string; dueAt: number }> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const retried = kind === "timer" ? await retryDeadTimer(trx, id, now) : await retryDeadMessage(trx, id, now);
    if (!retried) throw new DomainError("not_found", { message: `No dead ${kind} has this id (it may have been retried already).`, field: "id" });
    await appendEvents(trx, [{ leadId: null, type: "work_retried", actor, at: now, data: { kind, id } }]);
  });
  return { kind, id, dueAt: now };
}
