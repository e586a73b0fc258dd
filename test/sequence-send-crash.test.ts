import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listSequenceMessagesOfLead } from "../src/store/sequence-messages.js";
import { ENGINES, openTestDatabase, type TestDatabase, testContext } from "./support/engines.js";
import { captureLeadOwnedBy } from "./support/owned-lead.js";
import { emailStep, enrolNow, insertOwnerWithMailbox, insertTestSequence, ALWAYS_OPEN_WINDOW } from "./support/sequence-fixtures.js";


/**
 * An SMTP peer that takes in the first message's DATA and never answers it (calling `onHeld`),
 * and accepts every later one, counting accepted messages by Message-ID.
 */
async function startHoldingPeer(onHeld: () => void) {
  const heldMessageIds: string[] = [];
  const accepted: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      let raw = "";
      stream.setEncoding("utf8").on("data", (chunk: string) => (raw += chunk));
      stream.on("end", () => {
        const messageId = /^message-id:\s*(\S+)/im.exec(raw)?.[1] ?? "";
        if (heldMessageIds.length === 0) {
          heldMessageIds.push(messageId);
          onHeld();
          return; // DATA stays unanswered: the sender cannot know whether it was accepted.
        }
        accepted.push(messageId);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, heldMessageIds, accepted, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

type WorkerChild = { process: ChildProcess; exited: Promise<number | null> };

function startWorkerChild(database: TestDatabase): WorkerChild {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "support", "sequence-worker-process.ts")], {
    env: { ...process.env, WORKER_DATABASE: database.location, WORKER_LEASE_MS: "1500" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return { process: child, exited: new Promise((resolve) => child.once("exit", (code) => resolve(code))) };
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe.each(ENGINES)("a sequence email whose worker dies mid-send, on %s", (engine) => {
  let database: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "closeloop-sequence-crash-"));
    database = await openTestDatabase(engine, { sqliteFile: path.join(dataDir, "closeloop.db") });
  });
  afterAll(async () => {
    await database.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("is accepted exactly once after a worker killed between rendering and the server's answer is replaced", async () => {
    let victim: WorkerChild | undefined;
    const peer = await startHoldingPeer(() => victim?.process.kill("SIGKILL"));
    try {
      const ctx = testContext(database.db, Date.now());
      await insertOwnerWithMailbox(ctx, "crash_owner", { smtpUrl: peer.url });
      const sequence = await insertTestSequence(ctx, "crash", [emailStep(0, { window: ALWAYS_OPEN_WINDOW })]);
      const leadId = await captureLeadOwnedBy(ctx, "crash_owner", { email: "dana@buyer.example", firstName: "Dana" });
      await enrolNow(ctx, leadId, sequence);

      victim = startWorkerChild(database);
      expect(await victim.exited).toBeNull(); // killed by the signal while the peer held DATA
      const [queued] = await listSequenceMessagesOfLead(database.db, leadId, 10);
      expect(queued).toMatchObject({ status: "queued" });
      expect(peer.heldMessageIds).toEqual([queued!.messageId]);
      expect(peer.accepted).toEqual([]);

      const survivor = startWorkerChild(database);
      await waitUntil(async () => (await listSequenceMessagesOfLead(database.db, leadId, 10))[0]?.status === "sent", 20_000, "the message recorded as sent");
      survivor.process.kill("SIGTERM");
      expect(await survivor.exited).toBe(0);

      expect(peer.accepted).toEqual([queued!.messageId]);
      expect(await listSequenceMessagesOfLead(database.db, leadId, 10)).toHaveLength(1);
    } finally {
      victim?.process.kill("SIGKILL");
      await peer.close();
    }
  }, 40_000);
});
