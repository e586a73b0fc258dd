#!/usr/bin/env node
import { Command } from "commander";
import { DomainError } from "../domain/errors.js";
import { registerDemoCommand } from "./commands/demo.js";
import { registerExportCommand } from "./commands/export.js";
import { registerImportCommand } from "./commands/import.js";
import { registerApiKeyCreateCommand } from "./commands/api-key-create.js";
import { registerMigrateCommand } from "./commands/migrate.js";
import { registerModelCommands } from "./commands/model.js";
import { registerServeCommand } from "./commands/serve.js";
import { registerUserAddCommand } from "./commands/user-add.js";
import { registerWorkCommands } from "./commands/work.js";
import { registerWorkerCommand } from "./commands/worker.js";

const program = new Command()
  .name("closeloop")
  .description("Closeloop: capture, route and convert leads.")
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

registerServeCommand(program);
registerMigrateCommand(program);
registerUserAddCommand(program);
registerApiKeyCreateCommand(program);
registerImportCommand(program);
registerExportCommand(program);
registerDemoCommand(program);
registerWorkerCommand(program);
registerWorkCommands(program);
registerModelCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof DomainError)) throw error;
  process.stderr.write(`error: ${error.message}\n`);
  process.exitCode = 1;
}
