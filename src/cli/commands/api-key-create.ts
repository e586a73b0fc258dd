import type { Command } from "commander";
import { API_KEY_SCOPES } from "../../domain/access/permission.js";
import { invalidField } from "../../domain/errors.js";
import { API_KEY_NAME_MAX_LENGTH, createApiKey } from "../../services/api-keys/create-api-key.js";
import { quietLog, withRuntime } from "../runtime.js";

function parseScopesFlag(raw: string): string[] {
  const scopes = raw.split(",").map((scope) => scope.trim()).filter(Boolean);
  const unknown = scopes.find((scope) => !(API_KEY_SCOPES as readonly string[]).includes(scope));
  if (scopes.length === 0 || unknown !== undefined) {
    throw invalidField("--scopes", `${unknown === undefined ? "name at least one scope" : `"${unknown}" is not a scope`}; use ${API_KEY_SCOPES.join(", ")}`);
  }
  return scopes;
}

/** `closeloop api-key create`: make a key for an integration and print it once. */
export function registerApiKeyCreateCommand(program: Command): void {
  const apiKey = program.commands.find((command) => command.name() === "api-key") ?? program.command("api-key").description("Manage API keys.");
  apiKey
    .command("create")
    .description("Create an API key and print it (once: only its hash is stored).")
    .requiredOption("--name <name>", "what uses the key, e.g. 'Website forms'")
    .requiredOption("--scopes <list>", `comma-separated: ${API_KEY_SCOPES.join(", ")} (leads:write may only send leads in)`)
    .action(async (flags: { name: string; scopes: string }) => {
      const name = flags.name.trim();
      if (name === "" || name.length > API_KEY_NAME_MAX_LENGTH) throw invalidField("--name", `must be 1 to ${API_KEY_NAME_MAX_LENGTH} characters`);
      const scopes = parseScopesFlag(flags.scopes);
      await withRuntime(
        async ({ ctx }) => {
          const created = await createApiKey(ctx, { name, scopes }, "cli");
          process.stdout.write(
            `Created API key "${created.apiKey.name}" (${created.apiKey.scopes.join(", ")}). It is shown this once:\n${created.key}\n` +
              "Send it as: Authorization: Bearer <key>\n",
          );
        },
        { log: quietLog() },
      );
    });
}
