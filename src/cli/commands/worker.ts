import type { Command } from "commander";
import { invalidField } from "../../domain/errors.js";
import { startAppWorker } from "../../worker/start-app-worker.js";
import { openRuntime } from "../runtime.js";

/** Highest --concurrency: far above what one process's pool of 10 connections can feed. */
const MAX_CONCURRENCY = 64;

/** Parses `--concurrency`: a whole number from 1 to 64. */
export function parseConcurrencyFlag(raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > MAX_CONCURRENCY) throw invalidField("--concurrency", `must be a whole number from 1 to ${MAX_CONCURRENCY}, got "${raw}"`);
  return value;
}

/** `closeloop worker`: a worker-only process for PostgreSQL; run as many as the load needs. */
export function registerWorkerCommand(program: Command): void {
  program
    .command("worker")
    .description("Run a worker process against PostgreSQL (DATABASE_URL). `serve` already runs one in-process.")
    .option("--concurrency <n>", "timers, and separately messages, in flight at once (default WORKER_CONCURRENCY, 4)")
    .action(async (flags: { concurrency?: string }) => {
      const concurrency = flags.concurrency === undefined ? undefined : parseConcurrencyFlag(flags.concurrency);
      const runtime = await openRuntime();
      if (!runtime.config.databaseUrl) {
        await runtime.close();
        process.stderr.write(
          "error: closeloop worker needs PostgreSQL (set DATABASE_URL). On SQLite, `closeloop serve` already runs the worker " +
            "in-process, and a second process would only queue behind SQLite's single writer.\n",
        );
        process.exitCode = 1;
        return;
      }
      const worker = await startAppWorker(runtime.ctx, runtime.config, concurrency === undefined ? {} : { concurrency });
      process.stdout.write(`Worker ${worker.workerId} is running. Ctrl-C stops it after the work in flight.\n`);
      const shutDown = async () => {
        await worker.stop();
        await runtime.close();
        process.exit(0);
      };
      process.once("SIGINT", shutDown);
      process.once("SIGTERM", shutDown);
    });
}
