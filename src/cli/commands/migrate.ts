import type { Command } from "commander";
import { quietLog, withRuntime } from "../runtime.js";

/** `closeloop migrate`: bring the database to the latest schema. */
export function registerMigrateCommand(program: Command): void {
  program
    .command("migrate")
    .description("Apply database migrations (npm start also does this).")
    .action(() =>
      withRuntime(
        async () => {
          process.stdout.write("Database is up to date.\n");
        },
        { log: quietLog() },
      ),
    );
}
