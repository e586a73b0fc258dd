import http from "node:http";
import type { AddressInfo } from "node:net";
import { startBenchServer, type BenchServer } from "./bench-server.js";
import { type Figures, figure } from "./figures.js";
import { measureTimerThroughput } from "./timer-throughput.js";

/** The owner's webhook arrival time per lead id, as a local sink sees it. */
type Sink = { url: string; arrivals: Map<string, number>; close(): Promise<void> };

async function startSink(): Promise<Sink> {
  const arrivals = new Map<string, number>();
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      arrivals.set((JSON.parse(body) as { data: { leadId: string } }).data.leadId, performance.now());
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, arrivals, close: () => new Promise((r) => server.close(() => r())) };
}

async function api(server: BenchServer, path: string, payload: object): Promise<{ id: string }> {
  const response = await fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${server.adminKey}` }, body: JSON.stringify(payload) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
}

/** One rep takes every lead; the owner's `lead.assigned` webhook goes to the sink. */
async function configure(server: BenchServer, sink: Sink): Promise<void> {
  const rep = await api(server, "/api/v1/users", { email: "rep@bench.example", name: "Bench Rep", role: "rep" });
  await api(server, "/api/v1/routing/rules", { name: "Everyone", conditions: [], target: { userIds: [rep.id], strategy: "round_robin" }, slaPolicyId: null, isActive: true });
  await api(server, "/api/v1/webhooks", { url: sink.url, eventTypes: ["lead.assigned"] });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;

/** Captures at `rate` leads/s for `seconds`; latency is from each 201 to its webhook at the sink. */
async function runAtRate(server: BenchServer, sink: Sink, rate: number, seconds: number, tag: string) {
  const answeredAt = new Map<string, number>();
  const started = performance.now();
  const sends: Promise<void>[] = [];
  for (let i = 0; i < rate * seconds; i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    sends.push(
      fetch(`${server.url}/api/v1/leads`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${server.apiKey}` }, body: JSON.stringify({ email: `${tag}-${i}@bench.example` }) })
        .then(async (response) => answeredAt.set(((await response.json()) as { id: string }).id, performance.now()))
        .then(() => undefined),
    );
  }
  await Promise.all(sends);
  const achievedRate = answeredAt.size / ((performance.now() - started) / 1000);
  for (let waited = 0; waited < 10_000 && [...answeredAt.keys()].some((id) => !sink.arrivals.has(id)); waited += 50) await new Promise((r) => setTimeout(r, 50));
  const latencies = [...answeredAt].map(([id, at]) => (sink.arrivals.get(id) ?? Number.POSITIVE_INFINITY) - at).sort((a, b) => a - b);
  return { achievedRate, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

/**
 * Speed to lead: latency from a capture's 201 to the owner's webhook at a local sink, at 50
 * leads/s and at the highest rate the server sustains (p99 under 250 ms and ≥ 95% of the
 * offered rate), on SQLite with the worker in-process; and timer throughput on 100,000 timers.
 */
export async function runFigures({ isQuick }: { isQuick: boolean }): Promise<Figures> {
  const sink = await startSink();
  const server = await startBenchServer();
  try {
    await configure(server, sink);
    const seconds = isQuick ? 3 : 10;
    const at50 = await runAtRate(server, sink, 50, seconds, "r50");
    let sustained = { rate: 50, ...at50 };
    for (const rate of [100, 200, 400, 800, 1600]) {
      const run = await runAtRate(server, sink, rate, isQuick ? 2 : 5, `r${rate}`);
      if (run.p99 > 250 || run.achievedRate < rate * 0.95) break;
      sustained = { rate, ...run };
    }
    const timers = await measureTimerThroughput(isQuick ? 10_000 : 100_000);
    return {
      notify_p50_ms: figure(at50.p50, "ms"),
      notify_p99_ms: figure(at50.p99, "ms"),
      max_sustained_leads_per_s: figure(sustained.rate, "leads/s"),
      max_sustained_p99_ms: figure(sustained.p99, "ms"),
      timers_per_s: figure(timers.timersPerSecond, "timers/s"),
    };
  } finally {
    await server.stop();
    await sink.close();
  }
}
