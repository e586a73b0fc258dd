import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ENGINES, openTestDatabase, REFERENCE_TIME, type TestDatabase } from "../../test/support/engines.js";
import {
  cancelTimer,
  claimDueTimers,
  completeTimers,
  failTimer,
  findTimerByKey,
  listDeadTimers,
  lockClaimedTimer,
  nextTimerDueAt,
  releaseTimers,
  retryDeadTimer,
  scheduleTimer,
  scheduleTimers,
} from "./timers.js";

const NOW = REFERENCE_TIME;
const LOCK_MS = 60_000;

describe.each(ENGINES)("timers on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database.destroy());
  beforeEach(async () => {
    await database.db.deleteFrom("timers").execute();
  });
  const claim = (workerId: string, now = NOW, limit = 100) => claimDueTimers(database.db, { workerId, now, limit, lockMs: LOCK_MS });

  it("keeps one pending row per key: scheduling again replaces task, payload and due time and resets attempts", async () => {
    const { db } = database;
    await scheduleTimer(db, { key: "sla:lead_1", task: "sla-step", payload: { step: 1 }, runAt: NOW }, NOW);
    const [claimed] = await claim("w1");
    await failTimer(db, { id: claimed!.id, workerId: "w1", error: "boom", now: NOW, retryAt: NOW + 1000 });
    await scheduleTimer(db, { key: "sla:lead_1", task: "sla-step", payload: { step: 2 }, runAt: NOW + 5000 }, NOW);
    const timer = await findTimerByKey(db, "sla:lead_1");
    expect(timer).toMatchObject({ id: claimed!.id, payload: { step: 2 }, runAt: NOW + 5000, attempts: 0, lastError: null, status: "pending" });
    expect(await db.selectFrom("timers").select("id").execute()).toHaveLength(1);
  });

  it("claims only due timers, earliest first, and never the same timer twice while the lease holds", async () => {
    const { db } = database;
    await scheduleTimers(
      db,
      [
        { key: "b", task: "t", payload: {}, runAt: NOW - 1000 },
        { key: "a", task: "t", payload: {}, runAt: NOW - 2000 },
        { key: "later", task: "t", payload: {}, runAt: NOW + 1 },
      ],
      NOW,
    );
    const first = await claim("w1");
    expect(first.map((t) => t.key)).toEqual(["a", "b"]);
    expect(await claim("w2")).toEqual([]);
    expect((await claim("w2", NOW + 1)).map((t) => t.key)).toEqual(["later"]);
  });

  it("lets parallel claims split the due timers without overlap", async () => {
    const { db } = database;
    await scheduleTimers(db, Array.from({ length: 200 }, (_, i) => ({ key: `k${i}`, task: "t", payload: {}, runAt: NOW })), NOW);
    const batches = await Promise.all(Array.from({ length: 8 }, (_, i) => claim(`w${i}`, NOW, 30)));
    const ids = batches.flat().map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(200);
  });

  it("makes a timer claimable again when its worker's lease runs out (a crashed worker)", async () => {
    const { db } = database;
    await scheduleTimer(db, { key: "k", task: "t", payload: {}, runAt: NOW }, NOW);
    await claim("crashed");
    expect(await claim("w2", NOW + LOCK_MS - 1)).toEqual([]);
    const [taken] = await claim("w2", NOW + LOCK_MS);
    expect(taken?.key).toBe("k");
    expect(await lockClaimedTimer(db, taken!.id, "crashed")).toBe(false);
    expect(await lockClaimedTimer(db, taken!.id, "w2")).toBe(true);
  });

  it("completes a claimed timer, unless the task rescheduled its own key meanwhile", async () => {
    const { db } = database;
    await scheduleTimers(db, [{ key: "done", task: "t", payload: {}, runAt: NOW }, { key: "again", task: "t", payload: {}, runAt: NOW }], NOW);
    const claimed = await claim("w1");
    await scheduleTimer(db, { key: "again", task: "t", payload: { next: true }, runAt: NOW + 60_000 }, NOW);
    await completeTimers(db, claimed.map((timer) => timer.id), "w1");
    expect(await findTimerByKey(db, "done")).toBeUndefined();
    expect(await findTimerByKey(db, "again")).toMatchObject({ payload: { next: true }, runAt: NOW + 60_000 });
  });

  it("counts failed attempts, runs them again at the retry time, and ends dead, listable and retryable", async () => {
    const { db } = database;
    await scheduleTimer(db, { key: "k", task: "t", payload: {}, runAt: NOW }, NOW);
    const [timer] = await claim("w1");
    expect(await failTimer(db, { id: timer!.id, workerId: "w1", error: "first", now: NOW, retryAt: NOW + 5000 })).toBe(true);
    expect(await claim("w1", NOW + 4999)).toEqual([]);
    await claim("w1", NOW + 5000);
    await failTimer(db, { id: timer!.id, workerId: "w1", error: "second", now: NOW + 5000, retryAt: null });
    expect(await claim("w1", NOW + 10 ** 9)).toEqual([]);
    expect(await listDeadTimers(db, 10)).toEqual([expect.objectContaining({ id: timer!.id, attempts: 2, lastError: "second", status: "dead", runAt: NOW + 5000 })]);
    expect(await retryDeadTimer(db, timer!.id, NOW + 9000)).toMatchObject({ status: "pending", attempts: 0, runAt: NOW + 9000 });
    expect(await retryDeadTimer(db, timer!.id, NOW + 9000)).toBeUndefined();
    expect((await claim("w1", NOW + 9000)).map((t) => t.id)).toEqual([timer!.id]);
  });

  it("ignores a failure reported by a worker that no longer holds the claim", async () => {
    const { db } = database;
    await scheduleTimer(db, { key: "k", task: "t", payload: {}, runAt: NOW }, NOW);
    const [timer] = await claim("w1");
    expect(await failTimer(db, { id: timer!.id, workerId: "w2", error: "not mine", now: NOW, retryAt: null })).toBe(false);
    expect(await findTimerByKey(db, "k")).toMatchObject({ attempts: 0, status: "pending" });
  });

  it("cancels by key, releases claims on shutdown, and reports when the next timer is due", async () => {
    const { db } = database;
    await scheduleTimers(db, [{ key: "soon", task: "t", payload: {}, runAt: NOW }, { key: "late", task: "t", payload: {}, runAt: NOW + 90_000 }], NOW);
    const claimed = await claim("w1");
    expect(await nextTimerDueAt(db, NOW)).toBe(NOW + 90_000);
    await releaseTimers(db, claimed.map((t) => t.id), "w1");
    expect(await nextTimerDueAt(db, NOW)).toBe(NOW);
    expect(await cancelTimer(db, "soon")).toBe(true);
    expect(await cancelTimer(db, "soon")).toBe(false);
    expect(await nextTimerDueAt(db, NOW)).toBe(NOW + 90_000);
  });
});
