import type { Command } from "commander";
import { buildApp } from "../../http/build-app.js";
import { startSetupIfNoUsers } from "../../services/setup/start-setup.js";
import { startAppWorker } from "../../worker/start-app-worker.js";
import { openRuntime } from "../runtime.js";

/** `closeloop serve`: the app, the API and the worker in one process. */
export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("Serve the app and API (migrates first).")
    .action(async () => {
      const runtime = await openRuntime();
      const { config, ctx } = runtime;
      const app = await buildApp({ ctx, config });
      const setupToken = await startSetupIfNoUsers(ctx);
      await app.listen({ port: config.port, host: config.host });
      const worker = await startAppWorker(ctx, config);
      const lines = [`Closeloop is running at ${config.publicUrl}  (API docs: ${config.publicUrl}/api/docs)`];
      if (setupToken) {
        lines.push(
          "",
          "No one has an account yet. Create the first admin here (the link works once):",
          `  ${config.publicUrl}/setup?token=${setupToken}`,
          "or run: npm run closeloop -- user add --role admin --email you@example.com --name 'Your Name'",
          "To explore with sample data instead, run (in another terminal): npm run closeloop -- demo",
        );
      }
      process.stdout.write(`${lines.join("\n")}\n`);
      // Stop taking requests first, then let the worker finish what it holds, then close the database.
      const shutDown = async () => {
        await app.close();
        await worker.stop();
        await runtime.close();
        process.exit(0);
      };
      process.once("SIGINT", shutDown);
      process.once("SIGTERM", shutDown);
    });
}
