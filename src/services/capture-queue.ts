import { type CaptureRequest, type CaptureResult, captureLeads } from "./capture-leads.js";
import type { ServiceContext } from "./context.js";

/** Captures submitted one by one and committed together. */
export type CaptureQueue = { capture(request: CaptureRequest): Promise<CaptureResult> };

type Waiting = { request: CaptureRequest; resolve(result: CaptureResult): void; reject(error: unknown): void };

/** Most captures committed in one transaction; bounds the latency one batch adds to the next. */
const MAX_BATCH = 256;

/**
 * Group commit for the HTTP capture path. Requests that arrive while the previous batch is
 * being written are committed together in one `captureLeads` transaction, and each caller is
 * answered only after that commit. Under load this turns ~6 statements per lead into ~6 per
 * batch (see `npm run bench -- capture`); with no load a batch is a single capture and adds
 * one event-loop turn. If a batch fails as a whole, its captures are retried one by one so a
 * single bad request cannot fail its neighbours.
 */
export function createCaptureQueue(ctx: ServiceContext): CaptureQueue {
  let waiting: Waiting[] = [];
  let isFlushing = false;

  async function flush(): Promise<void> {
    isFlushing = true;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, MAX_BATCH);
      waiting = waiting.slice(batch.length);
      await commitBatch(ctx, batch);
    }
    isFlushing = false;
  }

  return {
    capture(request) {
      return new Promise<CaptureResult>((resolve, reject) => {
        waiting.push({ request, resolve, reject });
        // setImmediate lets every request already parsed in this turn join the batch.
        if (!isFlushing) {
          isFlushing = true;
          setImmediate(() => void flush());
        }
      });
    },
  };
}

async function commitBatch(ctx: ServiceContext, batch: Waiting[]): Promise<void> {
  try {
    const results = await captureLeads(
      ctx,
      batch.map((w) => w.request),
    );
    batch.forEach((w, i) => w.resolve(results[i]!));
  } catch (error) {
    if (batch.length === 1) {
      batch[0]!.reject(error);
      return;
    }
    ctx.log.warn({ err: error, size: batch.length }, "grouped capture failed; retrying its captures one by one");
    for (const w of batch) await commitBatch(ctx, [w]);
  }
}
