import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the sink received it. */
export type SinkDelivery = { id: string; timestamp: string; signature: string; body: string; headers: http.IncomingHttpHeaders; receivedAt: number };

export type WebhookSink = {
  url: string;
  /** Every request, in arrival order, retries included. */
  deliveries: SinkDelivery[];
  /** Distinct `webhook-id`s processed, in order: what a receiver that dedupes by id acted on. */
  processedIds: string[];
  /** `webhook-id`s that arrived again after being processed, recognised as duplicates (answered 200, not processed). */
  duplicateIds: string[];
  /** Resolves once `count` distinct ids were processed. */
  waitForProcessed(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
};

export type WebhookSinkOptions = {
  /** Status to answer (per request number, 1-based), default 204. */
  statusFor?: (requestNumber: number) => number;
  /** Wait before answering, after the message is recorded: the window in which a sender can die. */
  answerDelayMs?: number;
  /** Called when a message is processed, before the answer (e.g. to kill the sender then). */
  onProcessed?: (id: string, count: number) => void;
};

/**
 * A webhook receiver on 127.0.0.1 that behaves as Standard Webhooks asks receivers to: it
 * processes each `webhook-id` once and answers a repeated id with 200 without processing it.
 */
export async function startWebhookSink(options: WebhookSinkOptions = {}): Promise<WebhookSink> {
  const deliveries: SinkDelivery[] = [];
  const processed = new Set<string>();
  const processedIds: string[] = [];
  const duplicateIds: string[] = [];
  const waiters: { count: number; resolve(): void }[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const header = (name: string) => String(request.headers[name] ?? "");
      const delivery = { id: header("webhook-id"), timestamp: header("webhook-timestamp"), signature: header("webhook-signature"), body: Buffer.concat(chunks).toString("utf8"), headers: request.headers, receivedAt: Date.now() };
      deliveries.push(delivery);
      const status = options.statusFor?.(deliveries.length) ?? 204;
      const isSuccess = status >= 200 && status < 300;
      if (isSuccess && processed.has(delivery.id)) duplicateIds.push(delivery.id);
      else if (isSuccess) {
        processed.add(delivery.id);
        processedIds.push(delivery.id);
        options.onProcessed?.(delivery.id, processedIds.length);
        for (const waiter of waiters.filter((w) => processedIds.length >= w.count)) waiter.resolve();
      }
      setTimeout(() => response.writeHead(status).end(isSuccess ? "" : "try later"), options.answerDelayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    deliveries,
    processedIds,
    duplicateIds,
    waitForProcessed: (count, timeoutMs = 20_000) =>
      processedIds.length >= count
        ? Promise.resolve()
        : new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`sink processed ${processedIds.length} of ${count} within ${timeoutMs} ms`)), timeoutMs);
            waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
          }),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Verifies a Standard Webhooks signature independently of the sender's code: WebCrypto HMAC
 * instead of node:crypto, any of the space-separated `v1,` signatures may match, compared in
 * constant time, and the timestamp must be within `toleranceSeconds` of `nowSeconds`.
 */
export async function verifyStandardWebhook(delivery: Pick<SinkDelivery, "id" | "timestamp" | "signature" | "body">, secret: string, nowSeconds: number, toleranceSeconds = 300): Promise<boolean> {
  if (Math.abs(nowSeconds - Number(delivery.timestamp)) > toleranceSeconds) return false;
  const keyBytes = Uint8Array.from(atob(secret.replace(/^whsec_/, "")), (c) => c.charCodeAt(0));
  const key = await crypto.subtle.importKey("raw", keyBytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const signed = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${delivery.id}.${delivery.timestamp}.${delivery.body}`)));
  const expected = btoa(String.fromCharCode(...signed));
  return delivery.signature.split(" ").some((candidate) => {
    const [version, value = ""] = candidate.split(",");
    if (version !== "v1" || value.length !== expected.length) return false;
    let difference = 0;
    for (let i = 0; i < value.length; i++) difference |= value.charCodeAt(i) ^ expected.charCodeAt(i);
    return difference === 0;
  });
}
