import { type Command, InvalidArgumentError } from "commander";
import { DEFAULT_DEMO_DAYS, DEFAULT_DEMO_LEADS_PER_DAY } from "../../domain/demo/generate-demo-history.js";
import { BUCKETS } from "../../domain/scoring/scoring-config.js";
import { DEMO_LIMITS, type DemoScoring, type DemoSummary, seedDemo } from "../../services/seed-demo.js";
import { quietLog, withRuntime } from "../runtime.js";

type DemoFlags = { seed: number; days: number; leadsPerDay: number };

/** `closeloop demo`: fill an empty workspace with a seeded, realistic year of leads. */
export function registerDemoCommand(program: Command): void {
  program
    .command("demo")
    .description("Fill an empty workspace with a realistic, reproducible history (reps, sources, a year of leads).")
    .option("--seed <n>", "random seed: the same seed gives the same history", wholeNumber("--seed", DEMO_LIMITS.seed), 1)
    .option("--days <n>", "length of the history in days", wholeNumber("--days", DEMO_LIMITS.days), DEFAULT_DEMO_DAYS)
    .option("--leads-per-day <n>", "average leads per day", wholeNumber("--leads-per-day", DEMO_LIMITS.leadsPerDay), DEFAULT_DEMO_LEADS_PER_DAY)
    .action((flags: DemoFlags) =>
      withRuntime(
        async ({ ctx }) => {
          const startedAt = performance.now();
          const summary = await seedDemo(ctx, flags);
          process.stdout.write(formatSummary(summary, performance.now() - startedAt));
        },
        { log: quietLog() },
      ),
    );
}

/** A commander argument parser for a whole number in a range; the error names the flag. */
function wholeNumber(flag: string, range: { min: number; max: number }): (value: string) => number {
  return (value) => {
    const parsed = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < range.min || parsed > range.max) {
      throw new InvalidArgumentError(`${flag} must be a whole number from ${range.min} to ${range.max}.`);
    }
    return parsed;
  };
}

const day = (at: number) => new Date(at).toISOString().slice(0, 10);
const count = (n: number) => n.toLocaleString("en-US");

function formatSummary(summary: DemoSummary, elapsedMs: number): string {
  const { outcomes } = summary;
  const lines = [
    `Demo workspace ready in ${(elapsedMs / 1000).toFixed(1)} s (seed ${summary.seed}).`,
    `${count(summary.leadCount)} leads from ${day(summary.startAt)} to ${day(summary.endAt)}: ${count(outcomes.won)} won, ${count(outcomes.lost)} lost, ${count(outcomes.disqualified)} disqualified, ${count(outcomes.open)} open.`,
    `Follow-up: ${count(summary.sequences.enrolledLeads)} leads enrolled (${count(summary.sequences.live)} still in a sequence), ${count(summary.sequences.emailsSent)} emails sent, ${count(summary.sequences.optedOut)} opted out.`,
    ...scoringLines(summary.scoring),
    "",
    `Log in with password ${summary.password} as:`,
    ...summary.users.map((user) => `  ${user.role.padEnd(8)} ${user.email.padEnd(30)} ${user.name.padEnd(16)} ${user.profile}`),
    "",
    "Start the app with: closeloop serve",
  ];
  return `${lines.join("\n")}\n`;
}

/** Leads per bucket, the playbooks, and the model with its AUC or how much more history it needs. */
function scoringLines({ buckets, playbooks, model, readiness }: DemoScoring): string[] {
  const total = BUCKETS.reduce((sum, bucket) => sum + buckets[bucket], 0);
  return [
    `Scoring: ${count(total)} leads scored (closed ones as they closed): ${BUCKETS.map((bucket) => `${count(buckets[bucket])} ${bucket}`).join(", ")}.`,
    `Playbooks: ${playbooks.join("; ")}.`,
    model ? `Model: version ${model.version}, AUC ${model.auc.toFixed(2)} on ${count(readiness.closed)} closed leads (${count(readiness.wins)} won).` : `Model: not trained. ${readiness.message}`,
  ];
}
