import { listDeadMessages } from "../../store/outbox.js";
import { listDeadTimers } from "../../store/timers.js";
import type { ServiceContext } from "../context.js";

/** Work that used up its attempts: a timer (its task) or an outbox message (its channel). */
export type DeadWork = {
  kind: "timer" | "message";
  id: string;
  /** The timer's task or the message's channel. */
  name: string;
  key: string;
  attempts: number;
  lastError: string | null;
  diedAt: number;
  createdAt: number;
  payload: unknown;
};

/** Dead timers and messages together, most recently dead first. */
export async function listDeadWork(ctx: ServiceContext, limit: number): Promise<DeadWork[]> {
  const [timers, messages] = await Promise.all([listDeadTimers(ctx.db, limit), listDeadMessages(ctx.db, limit)]);
  const items: DeadWork[] = [
    ...timers.map((t) => ({ kind: "timer" as const, id: t.id, name: t.task, key: t.key, attempts: t.attempts, lastError: t.lastError, diedAt: t.runAt, createdAt: t.createdAt, payload: t.payload })),
    ...messages.map((m) => ({ kind: "message" as const, id: m.id, name: m.channel, key: m.key, attempts: m.attempts, lastError: m.lastError, diedAt: m.availableAt, createdAt: m.createdAt, payload: m.payload })),
  ];
  return items.sort((a, b) => b.diedAt - a.diedAt || a.id.localeCompare(b.id)).slice(0, limit);
}
