import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { afterEach, beforeEach, vi } from "vitest";
import type { EngineName } from "../../src/store/engine.js";
import { openTestDatabase, type TestDatabase } from "./engines.js";

const REPO = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(REPO, "node_modules", ".bin", "tsx");
const MAIN = path.join(REPO, "src", "cli", "main.ts");

export type CliResult = { exitCode: number; stdout: string; stderr: string };

/** Runs `closeloop ARGS` from source with the given environment (DATA_DIR, DATABASE_URL …) and optional stdin. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, stdin = ""): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [MAIN, ...args], { cwd: REPO, env: { ...process.env, LOG_LEVEL: "warn", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ exitCode: code ?? 1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

export type InProcessCliResult = { stdout: string; error?: Error };

/**
 * Runs `closeloop ARGS` in this process with the commands `register` adds (a child process costs a
 * TypeScript compile each time): what it printed on stdout, and the error it stopped with, if any.
 * Commander throws instead of exiting and prints nothing of its own.
 */
export async function runCliInProcess(register: (program: Command) => void, args: string[]): Promise<InProcessCliResult> {
  const program = new Command().exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  register(program);
  program.commands.forEach((group) => group.commands.forEach((command) => command.exitOverride()));
  let stdout = "";
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  try {
    await program.parseAsync(args, { from: "user" });
    return { stdout };
  } catch (error) {
    return { stdout, error: error as Error };
  } finally {
    write.mockRestore();
  }
}

/**
 * For each test of the calling describe block, a fresh data directory (its name starting with
 * `prefix`) holding a migrated database, which the CLI finds through DATA_DIR and DATABASE_URL;
 * both are removed after the test.
 */
export function cliDatabasePerTest(engine: EngineName, prefix: string): { readonly dataDir: string; readonly database: TestDatabase } {
  const current = {} as { dataDir: string; database: TestDatabase };
  beforeEach(async () => {
    current.dataDir = mkdtempSync(path.join(os.tmpdir(), prefix));
    current.database = await openTestDatabase(engine, { sqliteFile: path.join(current.dataDir, "closeloop.db") });
    vi.stubEnv("DATA_DIR", current.dataDir);
    vi.stubEnv("DATABASE_URL", engine === "postgres" ? current.database.location : "");
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await current.database.destroy();
    rmSync(current.dataDir, { recursive: true, force: true });
  });
  return current;
}
