import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const CLI = ["--import", "tsx", "src/cli/main.ts"];

/** A real `closeloop serve` in its own process on a fresh SQLite database, so load generation does not share its CPU. */
export type BenchServer = { url: string; apiKey: string; adminKey: string; dataDir: string; stop(): Promise<void> };

async function createKey(env: NodeJS.ProcessEnv, scope: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [...CLI, "api-key", "create", "--name", `bench ${scope}`, "--scopes", scope], { env });
  const key = /cl_[A-Za-z0-9_-]+/.exec(stdout)?.[0];
  if (!key) throw new Error(`api-key create printed no key:\n${stdout}`);
  return key;
}

/** Starts the server on a free port in a temp data dir, with a `leads:write` key and an `admin` key. */
export async function startBenchServer(): Promise<BenchServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "closeloop-bench-"));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "warn", DATABASE_URL: "" };
  const apiKey = await createKey(env, "leads:write");
  const adminKey = await createKey(env, "admin");
  const child = spawn(process.execPath, [...CLI, "serve"], { env, stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child);
  return {
    url,
    apiKey,
    adminKey,
    dataDir,
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("server did not become healthy in 20 s");
}
