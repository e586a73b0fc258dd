import { type Executor, signalNewWork } from "./engine.js";

/**
 * The in-process wake-up for the worker. Writers call `announceWork` inside their transaction;
 * the worker sleeps in `waitForWork` until the next announcement, a deadline or its stop signal.
 * A generation counter closes the gap between "claimed nothing" and "started waiting": an
 * announcement in between makes the wait return at once instead of being missed.
 */
let generation = 0;
const waiters = new Set<() => void>();

/** Wakes every waiting worker in this process. Spurious wake-ups are harmless: they claim nothing. */
export function notifyWork(): void {
  generation += 1;
  for (const wake of waiters) wake();
  waiters.clear();
}

/** The current announcement count; pass it to `waitForWork` to catch announcements made since. */
export function workGeneration(): number {
  return generation;
}

/** Resolves on the first announcement after `sinceGeneration`, after `timeoutMs`, or when `stop` aborts. */
export function waitForWork(sinceGeneration: number, timeoutMs: number, stop: AbortSignal): Promise<void> {
  if (generation !== sinceGeneration || stop.aborted || timeoutMs <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      waiters.delete(done);
      stop.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    waiters.add(done);
    stop.addEventListener("abort", done, { once: true });
  });
}

/**
 * Announces new timers or outbox messages, from inside the writing transaction. Other processes
 * hear it at commit (PostgreSQL NOTIFY). In this process the worker is woken now: on SQLite its
 * claim queues behind this transaction on the one connection and sees the rows at commit; on
 * PostgreSQL the early claim finds nothing and the NOTIFY wakes it again at commit.
 */
export async function announceWork(db: Executor): Promise<void> {
  await signalNewWork(db);
  notifyWork();
}
