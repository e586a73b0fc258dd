import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hashSecretToken } from "../../services/auth/secret-tokens.js";
import { verifyPassword } from "../../services/passwords.js";
import { findApiKeyByHash } from "../../store/api-keys.js";
import { createDatabase } from "../../store/database.js";
import { findUserCredentialsByEmail } from "../../store/users.js";
import { runCli } from "../../../test/support/run-cli.js";
import { registerApiKeyCreateCommand } from "./api-key-create.js";
import { registerUserAddCommand } from "./user-add.js";

/** Runs the commands in this process (a child process costs a TypeScript compile each time). */
async function run(args: string[], stdin?: string): Promise<{ stdout: string; error?: Error }> {
  const program = new Command().exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  registerUserAddCommand(program);
  registerApiKeyCreateCommand(program);
  program.commands.forEach((group) => group.commands.forEach((command) => command.exitOverride()));
  let stdout = "";
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  if (stdin !== undefined) vi.spyOn(process.stdin, Symbol.asyncIterator).mockImplementation(async function* () { yield Buffer.from(stdin); });
  try {
    await program.parseAsync(args, { from: "user" });
    return { stdout };
  } catch (error) {
    return { stdout, error: error as Error };
  } finally {
    write.mockRestore();
    vi.restoreAllMocks();
  }
}

// The CLI opens DATA_DIR/closeloop.db itself, so these run on SQLite only.
describe("closeloop user add and api-key create", () => {
  let dataDir: string;
  const openDb = () => createDatabase({ sqliteFile: path.join(dataDir, "closeloop.db") });
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "closeloop-cli-"));
    vi.stubEnv("DATA_DIR", dataDir);
    vi.stubEnv("DATABASE_URL", "");
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("adds an admin with a generated password printed once, which then verifies", async () => {
    const result = await run(["user", "add", "--email", "Boss@Example.com", "--name", "Bo Boss", "--role", "admin"]);
    expect(result.error).toBeUndefined();
    const password = /Password \(shown once\): (\S+)/.exec(result.stdout)?.[1];
    expect(password).toHaveLength(24);
    const db = openDb();
    const stored = await findUserCredentialsByEmail(db, "boss@example.com");
    await db.destroy();
    expect(stored?.user).toMatchObject({ name: "Bo Boss", role: "admin" });
    expect(await verifyPassword(stored!.passwordHash!, password!)).toBe(true);
  });

  it("reads the password from stdin and does not print it", async () => {
    const result = await run(["user", "add", "--email", "rep@example.com", "--name", "Rae", "--role", "rep", "--password-stdin"], "rep-password-99\n");
    expect(result.error).toBeUndefined();
    expect(result.stdout).not.toContain("rep-password-99");
    const db = openDb();
    const stored = await findUserCredentialsByEmail(db, "rep@example.com");
    await db.destroy();
    expect(await verifyPassword(stored!.passwordHash!, "rep-password-99")).toBe(true);
  });

  it.each([
    [["--email", "x@example.com", "--name", "X", "--role", "boss"], "--role"],
    [["--email", "not-an-email", "--name", "X", "--role", "rep"], "--email"],
    [["--name", "X", "--role", "rep"], "--email"],
    [["--email", "x@example.com", "--name", "X", "--role", "rep", "--colour", "red"], "--colour"],
    [["--email", "x@example.com", "--name", "X", "--role", "rep", "--password-stdin"], "--password-stdin"],
    [["--email", "rep@example.com", "--name", "Twin", "--role", "rep"], "already has an account"],
  ])("refuses %j naming %s", async (flags, named) => {
    const result = await run(["user", "add", ...flags], "short");
    expect(result.error?.message).toContain(named);
  });

  it("creates an API key, prints it once and stores only its hash", async () => {
    const result = await run(["api-key", "create", "--name", "Website", "--scopes", "leads:write"]);
    const key = /^(cl_\S+)$/m.exec(result.stdout)?.[1];
    const db = openDb();
    const stored = await findApiKeyByHash(db, hashSecretToken(key!));
    await db.destroy();
    expect(stored).toMatchObject({ name: "Website", scopes: ["leads:write"], createdBy: "cli" });
    expect((await run(["api-key", "create", "--name", "Website", "--scopes", "leads:read"])).error?.message).toContain("--scopes");
  });

  it("exits 1 with the flag named on stderr when run as a program", { timeout: 120_000 }, async () => {
    const result = await runCli(["user", "add", "--email", "x@example.com", "--name", "X", "--role", "boss"], { DATA_DIR: dataDir, DATABASE_URL: "" });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("--role");
  });
});
