import autocannon from "autocannon";
import { startBenchServer } from "./bench-server.js";
import { type Figures, figure } from "./figures.js";
import { measureImport } from "./import-rows.js";

type Load = { path: string; method: "GET" | "POST"; connections: number; seconds: number; body?: () => string; headers?: Record<string, string> };

async function runLoad(url: string, load: Load): Promise<autocannon.Result> {
  const makeBody = load.body;
  const result = await autocannon({
    url,
    connections: load.connections,
    duration: load.seconds,
    requests: [
      {
        method: load.method,
        path: load.path,
        headers: load.headers ?? {},
        // A fresh body per request (autocannon then sets its Content-Length), so every capture is a new lead.
        ...(makeBody ? { setupRequest: (request: autocannon.Request) => ({ ...request, body: makeBody() }) } : {}),
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${load.path}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result;
}

/**
 * HTTP ingest throughput and latency at concurrency 1 and 32 against a real server process on
 * SQLite, the same server's no-op route as the reference (the ratio holds on a noisy machine),
 * and CSV import throughput.
 */
export async function runFigures({ isQuick }: { isQuick: boolean }): Promise<Figures> {
  const server = await startBenchServer();
  const seconds = isQuick ? 3 : 10;
  let leadNumber = 0;
  const capture = (connections: number, duration: number): Load => ({
    path: "/api/v1/leads",
    method: "POST",
    connections,
    seconds: duration,
    body: () => JSON.stringify({ email: `lead-${++leadNumber}@example.com`, name: "Bench Lead", company: "Acme Corp", source: "bench", plan: "pro" }),
    headers: { "content-type": "application/json", authorization: `Bearer ${server.apiKey}` },
  });
  try {
    await runLoad(server.url, capture(32, 2)); // warm-up: JIT, SQLite page cache
    const c1 = await runLoad(server.url, capture(1, seconds));
    const c32 = await runLoad(server.url, capture(32, seconds));
    const noop = await runLoad(server.url, { path: "/api/health", method: "GET", connections: 32, seconds });
    const imported = await measureImport(isQuick ? 50_000 : 1_000_000);
    return {
      ingest_c1_leads_per_s: figure(c1.requests.average, "leads/s"),
      ingest_c1_p50_ms: figure(c1.latency.p50, "ms"),
      ingest_c1_p99_ms: figure(c1.latency.p99, "ms"),
      ingest_c32_leads_per_s: figure(c32.requests.average, "leads/s"),
      ingest_c32_p50_ms: figure(c32.latency.p50, "ms"),
      ingest_c32_p99_ms: figure(c32.latency.p99, "ms"),
      noop_c32_req_per_s: figure(noop.requests.average, "req/s"),
      ingest_to_noop_ratio: figure(c32.requests.average / noop.requests.average, "ratio"),
      import_rows_per_s: figure(imported.rowsPerSecond, "rows/s"),
    };
  } finally {
    await server.stop();
  }
}
