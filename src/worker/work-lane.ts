import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import { waitForWork, workGeneration } from "../store/work-signal.js";

/** One kind of work (timers or outbox messages) as the worker loop drives it. */
export type WorkLane<Item extends { id: string }> = {
  name: string;
  /** Items run at once. */
  concurrency: number;
  /** Rows to claim when `free` slots are open. */
  claimSize(free: number): number;
  claim(limit: number): Promise<Item[]>;
  run(item: Item): Promise<void>;
  /** Gives back claimed items that were never started (on stop). */
  release(items: Item[]): Promise<void>;
  /** When the next item becomes claimable, if any. */
  nextDueAt(): Promise<number | undefined>;
};

export type LaneControl = { stop: AbortSignal; idlePollMs: number; now(): number; log: Logger };

/**
 * The shortest idle wait: when rows look due but the claim got none (another worker holds them
 * in an open transaction), 10 ms keeps the loop from spinning while they finish.
 */
const MIN_IDLE_WAIT_MS = 10;

async function idleWaitMs<Item extends { id: string }>(lane: WorkLane<Item>, control: LaneControl): Promise<number> {
  const dueAt = await lane.nextDueAt();
  if (dueAt === undefined) return control.idlePollMs;
  return Math.min(control.idlePollMs, Math.max(MIN_IDLE_WAIT_MS, dueAt - control.now()));
}

/**
 * Claims and runs a lane's work until `stop` aborts: keeps up to `concurrency` items running,
 * claims more as slots free up, and when nothing is due sleeps until new work is announced or
 * the next item falls due (at most `idlePollMs`: the poll that covers lost notifications and
 * expired leases). On stop it releases claimed items it never started and awaits the running
 * ones, so nothing is left half done.
 */
export async function driveLane<Item extends { id: string }>(lane: WorkLane<Item>, control: LaneControl): Promise<void> {
  const queue: Item[] = [];
  const running = new Set<Promise<void>>();
  const start = (item: Item) => {
    const done: Promise<void> = lane
      .run(item)
      .catch((error: unknown) => control.log.error({ err: error, lane: lane.name, id: item.id }, "worker could not record an outcome; the lease will expire and it runs again"))
      .finally(() => running.delete(done));
    running.add(done);
  };
  while (!control.stop.aborted) {
    const generation = workGeneration();
    try {
      let claimedCount = 0;
      if (queue.length === 0 && running.size < lane.concurrency) {
        const claimed = await lane.claim(lane.claimSize(lane.concurrency - running.size));
        queue.push(...claimed);
        claimedCount = claimed.length;
      }
      while (queue.length > 0 && running.size < lane.concurrency) start(queue.shift()!);
      if (running.size >= lane.concurrency) await Promise.race(running);
      else if (claimedCount === 0) await waitForWork(generation, await idleWaitMs(lane, control), control.stop);
    } catch (error) {
      control.log.error({ err: error, lane: lane.name }, "worker could not claim work; trying again shortly");
      await sleep(control.idlePollMs, undefined, { signal: control.stop }).catch(() => undefined);
    }
  }
  const unstarted = queue.splice(0);
  // If releasing fails too, the leases run out and other workers take the items then.
  await lane.release(unstarted).catch((error: unknown) => control.log.warn({ err: error, lane: lane.name }, "could not release claimed work on stop"));
  await Promise.all(running);
}
