import { randomBytes } from "node:crypto";
import { type Command, Option } from "commander";
import { ROLES, type Role } from "../../domain/access/permission.js";
import { invalidField } from "../../domain/errors.js";
import { normalizeUserEmail, normalizeUserName, parseTimezone } from "../../domain/users/user-input.js";
import { MIN_PASSWORD_LENGTH } from "../../services/passwords.js";
import { createUser } from "../../services/users/create-user.js";
import { MAX_PASSWORD_LENGTH } from "../../services/users/password-rules.js";
import { quietLog, withRuntime } from "../runtime.js";

type UserAddFlags = { email: string; name: string; role: Role; timezone?: string; passwordStdin?: boolean };

/** 18 random bytes: a 24-character base64url password, 144 bits, for people added without one. */
function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // `echo secret | closeloop …` adds a newline that is not part of the password.
  const password = Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw invalidField("--password-stdin", `the password must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`);
  }
  return password;
}

/** `closeloop user add`: add a person (the first admin, or anyone later) from the command line. */
export function registerUserAddCommand(program: Command): void {
  const user = program.commands.find((command) => command.name() === "user") ?? program.command("user").description("Manage the people in the workspace.");
  user
    .command("add")
    .description("Add a person who can log in.")
    .requiredOption("--email <email>", "login email")
    .requiredOption("--name <name>", "full name")
    .addOption(new Option("--role <role>", "what they may do").choices(ROLES).makeOptionMandatory())
    .option("--timezone <zone>", "IANA time zone, e.g. Europe/Berlin", "UTC")
    .option("--password-stdin", "read the password from standard input (at least 10 characters)")
    .addHelpText("after", "\nWithout --password-stdin a strong password is generated and printed once; ask the person to keep it safe.")
    .action(async (flags: UserAddFlags) => {
      const input = {
        email: normalizeUserEmail(flags.email, "--email"),
        name: normalizeUserName(flags.name, "--name"),
        role: flags.role,
        timezone: parseTimezone(flags.timezone ?? "UTC", "--timezone"),
      };
      const isGenerated = !flags.passwordStdin;
      const password = isGenerated ? generatePassword() : await readPasswordFromStdin();
      await withRuntime(
        async ({ ctx }) => {
          const added = await createUser(ctx, { ...input, password }, "cli");
          const lines = [`Added ${added.name} <${added.email}> as ${added.role} (${added.id}).`];
          if (isGenerated) lines.push(`Password (shown once): ${password}`);
          process.stdout.write(`${lines.join("\n")}\n`);
        },
        { log: quietLog() },
      );
    });
}
