import type { Transaction } from "kysely";
import type { Static, TSchema } from "typebox";
import type { RetryPolicy } from "../domain/work/retry-policy.js";
import type { ServiceContext } from "../services/context.js";
import type { Database } from "../store/schema.js";
import type { Timer } from "../store/timers.js";
import { compilePayloadCheck, type PayloadCheck } from "./payload-check.js";

/** What a task's `run` gets: the open transaction its writes must use, the checked payload, and the time. */
export type TimerRun<Payload> = {
  /** The transaction that also completes the timer: the task's writes and the completion commit together. */
  trx: Transaction<Database>;
  ctx: ServiceContext;
  payload: Payload;
  timer: Timer;
  /** The worker's clock when the attempt started. */
  now: number;
};

/**
 * A kind of timer. `run` must await all its work and write only through `trx`; throwing rolls
 * the attempt back and retries it per `retry` (throw `PermanentTaskError` to go dead at once).
 */
export type TimerTask<Schema extends TSchema = TSchema> = {
  /** Stored in `timers.task`; never rename one that may have pending rows. */
  name: string;
  payloadSchema: Schema;
  retry: RetryPolicy;
  // Method syntax, so a TimerTask<ItsSchema> fits in a TimerTask[] (parameters are checked bivariantly).
  run(run: TimerRun<Static<Schema>>): Promise<void>;
};

/** A failure no retry can fix (a payload that no longer makes sense): the timer is dead at once. */
export class PermanentTaskError extends Error {
  override readonly name = "PermanentTaskError";
}

/** Tasks by name, each with its compiled payload check. */
export type TaskRegistry = ReadonlyMap<string, { task: TimerTask; checkPayload: PayloadCheck }>;

/** Indexes tasks by name; two tasks with one name is a programming error. */
export function createTaskRegistry(tasks: readonly TimerTask[]): TaskRegistry {
  const registry = new Map<string, { task: TimerTask; checkPayload: PayloadCheck }>();
  for (const task of tasks) {
    if (registry.has(task.name)) throw new Error(`two timer tasks are named "${task.name}"`);
    registry.set(task.name, { task, checkPayload: compilePayloadCheck(task.payloadSchema) });
  }
  return registry;
}
