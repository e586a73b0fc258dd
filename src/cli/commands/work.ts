import type { Command } from "commander";
import { invalidField } from "../../domain/errors.js";
import { listDeadWork } from "../../services/work/list-dead-work.js";
import { type DeadWorkKind, retryDeadWork } from "../../services/work/retry-dead-work.js";
import { quietLog, withRuntime } from "../runtime.js";

const KINDS: readonly DeadWorkKind[] = ["timer", "message"];

/** Characters of an error shown per line; the API has the whole text. */
const ERROR_COLUMN_CHARS = 80;

function parseKind(raw: string): DeadWorkKind {
  if (!(KINDS as readonly string[]).includes(raw)) throw invalidField("KIND", `must be timer or message, got "${raw}"`);
  return raw as DeadWorkKind;
}

function parseLimit(raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 500) throw invalidField("--limit", `must be a whole number from 1 to 500, got "${raw}"`);
  return value;
}

/** `closeloop work dead` and `closeloop work retry KIND ID`: dead timers and messages, and sending them back. */
export function registerWorkCommands(program: Command): void {
  const work = program.command("work").description("Inspect and retry dead work (timers and outbox messages).");
  work
    .command("dead")
    .description("List timers and messages that used up their attempts, most recently dead first.")
    .option("--limit <n>", "how many to list (1-500)", "100")
    .action(async (flags: { limit: string }) => {
      const limit = parseLimit(flags.limit);
      await withRuntime(
        async ({ ctx }) => {
          const items = await listDeadWork(ctx, limit);
          if (items.length === 0) return void process.stdout.write("No dead work.\n");
          const lines = items.map((item) =>
            [item.kind.padEnd(7), item.id, item.name.padEnd(10), `${item.attempts} attempts`, new Date(item.diedAt).toISOString(), (item.lastError ?? "").slice(0, ERROR_COLUMN_CHARS)].join("  "),
          );
          process.stdout.write(`${lines.join("\n")}\n${items.length} dead. Retry one with: closeloop work retry KIND ID\n`);
        },
        { log: quietLog() },
      );
    });
  work
    .command("retry")
    .description("Send a dead timer or message back to the worker with fresh attempts, due now.")
    .argument("<kind>", "timer or message")
    .argument("<id>", "its id, as `work dead` lists it")
    .action(async (rawKind: string, id: string) => {
      const kind = parseKind(rawKind);
      await withRuntime(
        async ({ ctx }) => {
          await retryDeadWork(ctx, kind, id, "cli");
          process.stdout.write(`Sent ${kind} ${id} back to the worker; it runs within a second if a worker is running.\n`);
        },
        { log: quietLog() },
      );
    });
}
