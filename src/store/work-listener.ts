import pg from "pg";
import type { Logger } from "pino";
import { WORK_NOTIFY_CHANNEL } from "./engine.js";

/** Wait before reconnecting a dropped LISTEN connection; the worker's 1 s poll covers the gap. */
const RECONNECT_DELAY_MS = 1000;

export type WorkListener = { close(): Promise<void> };

/**
 * Listens for `signalNewWork` notifications from every process writing to the PostgreSQL
 * database at `databaseUrl`, on a dedicated connection (a pooled one cannot hold LISTEN), and
 * calls `onWork` for each. Notifications are database-wide, so workers of other schemas in the
 * same database wake too; they claim nothing and sleep again.
 */
export async function listenForWork(databaseUrl: string, onWork: () => void, log: Logger): Promise<WorkListener> {
  let client: pg.Client | undefined;
  let isClosed = false;
  let retry: NodeJS.Timeout | undefined;
  const reconnectLater = (error: unknown): void => {
    log.warn({ err: error }, "work listener lost its connection; polling until it reconnects");
    if (isClosed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch(reconnectLater);
    }, RECONNECT_DELAY_MS);
  };
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on("notification", onWork);
    next.on("error", (error) => {
      next.end().catch(() => undefined);
      reconnectLater(error);
    });
    await next.connect();
    await next.query(`listen ${WORK_NOTIFY_CHANNEL}`);
    client = next;
    // Work written while we were not listening is found by this wake-up's claim.
    onWork();
  };
  await connect();
  return {
    close: async () => {
      isClosed = true;
      clearTimeout(retry);
      await client?.end();
    },
  };
}
