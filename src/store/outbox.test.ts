import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ENGINES, openTestDatabase, REFERENCE_TIME, type TestDatabase } from "../../test/support/engines.js";
import { listDeliveryAttempts } from "./delivery-attempts.js";
import {
  claimDueMessages,
  deleteMessagesOfSubscription,
  enqueueMessages,
  findMessageById,
  listDeadMessages,
  markDelivered,
  markFailed,
  nextMessageDueAt,
  releaseMessages,
  retryDeadMessage,
} from "./outbox.js";

const NOW = REFERENCE_TIME;
const LOCK_MS = 30_000;

describe.each(ENGINES)("outbox on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database.destroy());
  beforeEach(async () => {
    await database.db.deleteFrom("outbox").execute();
  });
  const claim = (workerId: string, now = NOW, limit = 100) => claimDueMessages(database.db, { workerId, now, limit, lockMs: LOCK_MS });
  const message = (id: string, extra: { subscriptionId?: string; availableAt?: number } = {}) => ({
    id,
    key: `key:${id}`,
    channel: "webhook",
    payload: { body: { type: "lead.created" } },
    availableAt: NOW,
    ...extra,
  });

  it("enqueues idempotently by key: the same key twice is one message", async () => {
    const { db } = database;
    await enqueueMessages(db, [message("msg_1")], NOW);
    await enqueueMessages(db, [{ ...message("msg_2"), key: "key:msg_1" }], NOW);
    expect((await claim("w1")).map((m) => m.id)).toEqual(["msg_1"]);
  });

  it("claims sendable messages atomically: parallel claims never share one", async () => {
    const { db } = database;
    await enqueueMessages(db, Array.from({ length: 120 }, (_, i) => message(`msg_${String(i).padStart(3, "0")}`)), NOW);
    const batches = await Promise.all(Array.from({ length: 6 }, (_, i) => claim(`w${i}`, NOW, 25)));
    const ids = batches.flat().map((m) => m.id);
    expect(new Set(ids).size).toBe(120);
    expect(ids).toHaveLength(120);
  });

  it("makes a message claimable again when the lease runs out, and marks it delivered once", async () => {
    const { db } = database;
    await enqueueMessages(db, [message("msg_1")], NOW);
    await claim("crashed");
    expect(await claim("w2", NOW + LOCK_MS - 1)).toEqual([]);
    const [again] = await claim("w2", NOW + LOCK_MS);
    await markDelivered(db, { id: again!.id, workerId: "w2", attempt: 1, at: NOW + LOCK_MS + 40, statusCode: 204, durationMs: 40 });
    expect(await findMessageById(db, "msg_1")).toMatchObject({ status: "delivered", deliveredAt: NOW + LOCK_MS + 40 });
    expect(await claim("w3", NOW + 10 * LOCK_MS)).toEqual([]);
  });

  it("logs every attempt; failures retry at the given time, then the message is dead, listable and retryable", async () => {
    const { db } = database;
    await enqueueMessages(db, [message("msg_1", { subscriptionId: "wh_1" })], NOW);
    await claim("w1");
    expect(await markFailed(db, { id: "msg_1", workerId: "w1", attempt: 1, at: NOW, statusCode: 500, durationMs: 12, error: "HTTP 500", retryAt: NOW + 5000 })).toBe(false);
    expect(await claim("w1", NOW + 4999)).toEqual([]);
    await claim("w1", NOW + 5000);
    expect(await markFailed(db, { id: "msg_1", workerId: "w1", attempt: 2, at: NOW + 5000, statusCode: null, durationMs: 10_000, error: "timed out", retryAt: null })).toBe(true);
    expect(await listDeadMessages(db, 10)).toEqual([expect.objectContaining({ id: "msg_1", attempts: 2, lastError: "timed out", availableAt: NOW + 5000 })]);
    const log = await listDeliveryAttempts(db, { subscriptionId: "wh_1" }, 10);
    expect(log.map((a) => [a.attempt, a.outcome, a.statusCode, a.error])).toEqual([
      [2, "failed", null, "timed out"],
      [1, "failed", 500, "HTTP 500"],
    ]);
    expect(await listDeliveryAttempts(db, { messageId: "msg_1" }, 1)).toHaveLength(1);
    expect(await retryDeadMessage(db, "msg_1", NOW + 7000)).toMatchObject({ status: "pending", attempts: 0, availableAt: NOW + 7000 });
    expect(await retryDeadMessage(db, "msg_1", NOW + 7000)).toBeUndefined();
    expect((await claim("w1", NOW + 7000)).map((m) => m.id)).toEqual(["msg_1"]);
  });

  it("releases unstarted claims, reports the next sendable time and deletes a subscription's messages with their log", async () => {
    const { db } = database;
    await enqueueMessages(db, [message("msg_1", { subscriptionId: "wh_1" }), message("msg_2", { availableAt: NOW + 60_000 })], NOW);
    const claimed = await claim("w1");
    expect(await nextMessageDueAt(db, NOW)).toBe(NOW + 60_000);
    await releaseMessages(db, claimed.map((m) => m.id), "w1");
    expect(await nextMessageDueAt(db, NOW)).toBe(NOW);
    await claim("w1");
    await markDelivered(db, { id: "msg_1", workerId: "w1", attempt: 1, at: NOW, statusCode: 200, durationMs: 3 });
    await deleteMessagesOfSubscription(db, "wh_1");
    expect(await findMessageById(db, "msg_1")).toBeUndefined();
    expect(await listDeliveryAttempts(db, { messageId: "msg_1" }, 10)).toEqual([]);
    expect(await findMessageById(db, "msg_2")).toBeDefined();
  });
});
