import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { type InboxMessage, MAX_MESSAGE_BYTES, readNewInboxMail } from "../channels/imap-inbox.js";
import type { ServiceContext } from "../services/context.js";
import { receiveInboundMail } from "../services/inbound-mail/receive-inbound-mail.js";
import { insertInboundMessage } from "../store/inbound-messages.js";
import { listImapMailboxes, type Mailbox, recordImapPoll } from "../store/mailboxes.js";
import { isUniqueViolation } from "../store/unique-violation.js";

/** Poll errors are shown to people on the mailbox page: the gist, not a stack. */
const ERROR_MAX_CHARS = 500;

/** A message that fails this many polls in a row is skipped, whatever the failure: one message must not hold back its mailbox's mail for good. */
export const MAX_FAILURES_PER_MESSAGE = 5;

/** Polls in a row each message failed, by `userId:uidValidity:uid`; kept by the running poller, so counts start over when the worker does. */
export type MessageFailures = Map<string, number>;

/** PostgreSQL SQLSTATE classes of failures that pass: connection, rollback (deadlock, serialization), resources, operator, system. */
const PASSING_SQLSTATE = /^(08|40|53|57|58|XX)[0-9A-Z]{3}$/;

/** better-sqlite3 codes of failures that pass: a lock, the disk. */
const PASSING_SQLITE_CODE = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|NOMEM)/;

/** Node's codes for a connection that failed. */
const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);

/** What node-postgres's pool says when the database went away. */
const CONNECTION_MESSAGE = /connection terminated|timeout exceeded when trying to connect|connection error|pool after calling end/i;

export type RunningMailboxPoller = {
  /** Stops after the poll in progress (if any) and resolves. */
  stop(): Promise<void>;
};

/** The words an IMAP failure gives (imapflow adds the server's answer as `responseText`). */
function describeFailure(error: Error): string {
  const serverSaid = (error as Error & { responseText?: unknown }).responseText;
  const text = typeof serverSaid === "string" && serverSaid !== "" ? `${error.message}: ${serverSaid}` : error.message;
  return text.slice(0, ERROR_MAX_CHARS);
}

/**
 * Whether a failure is the database's or the way to it, and passes: the message is tried again
 * next poll. Anything else (mail that cannot be read, a rule it breaks, a value the database
 * refuses) would fail again the same way.
 */
function isPassingFailure(error: unknown): boolean {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  if (PASSING_SQLSTATE.test(code) || PASSING_SQLITE_CODE.test(code) || CONNECTION_CODES.has(code)) return true;
  return error instanceof Error && CONNECTION_MESSAGE.test(error.message);
}

/** Records a message the poller skipped as `unmatched` (once: a second time meets the dedupe key), so the mailbox's mail is seen to have had it. */
async function recordSkipped(ctx: ServiceContext, mailbox: Mailbox, dedupeKey: string): Promise<void> {
  const message = { id: ctx.ids("inbound"), dedupeKey, messageId: null, via: "imap" as const, mailboxUserId: mailbox.userId, fromAddress: null, subject: null, kind: "unmatched" as const, leadId: null, enrolmentId: null, receivedAt: ctx.clock.now() };
  try {
    await insertInboundMessage(ctx.db, message);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

/**
 * Receives one INBOX message. One that cannot be handled is logged with its UID, recorded as
 * `unmatched` under the hash of its bytes and skipped, so the mail after it is still read; a
 * passing failure (the database away or busy) ends the poll to try again, up to
 * MAX_FAILURES_PER_MESSAGE polls in a row. A message over MAX_MESSAGE_BYTES is recorded and skipped unread.
 */
async function receiveOrSkip(ctx: ServiceContext, mailbox: Mailbox, message: InboxMessage, failures: MessageFailures): Promise<void> {
  const { uid, raw } = message;
  const log = { userId: mailbox.userId, uid };
  if (raw === null) {
    ctx.log.warn({ ...log, bytes: message.size }, `inbound mail skipped: larger than ${MAX_MESSAGE_BYTES} bytes`);
    return recordSkipped(ctx, mailbox, `imap:${mailbox.userId}:${message.uidValidity}:${uid}`);
  }
  const key = `${mailbox.userId}:${message.uidValidity}:${uid}`;
  try {
    await receiveInboundMail(ctx, { raw, via: "imap", mailboxUserId: mailbox.userId });
    failures.delete(key);
  } catch (error) {
    const failed = (failures.get(key) ?? 0) + 1;
    failures.set(key, failed);
    const isStuck = failed >= MAX_FAILURES_PER_MESSAGE;
    if (isPassingFailure(error) && !isStuck) throw error;
    ctx.log.warn({ ...log, failures: failed, err: error }, "inbound mail skipped: it could not be handled");
    try {
      await recordSkipped(ctx, mailbox, `sha256:${createHash("sha256").update(raw).digest("hex")}`);
    } catch (recordError) {
      if (!isStuck) throw recordError;
      ctx.log.error({ ...log, err: recordError }, "skipped inbound mail could not be recorded");
    }
    failures.delete(key);
  }
}

/**
 * Reads one mailbox's new INBOX mail into `receiveInboundMail` and records how far it got, or
 * why it stopped. The first poll (no UID handled yet, even after a failed first poll) reads mail
 * since the mailbox was created; after a UIDVALIDITY change, mail since the last poll that
 * read everything. Only such a poll moves that date forward.
 */
async function pollMailbox(ctx: ServiceContext, mailbox: Mailbox, failures: MessageFailures): Promise<void> {
  const position = { uidValidity: mailbox.imapUidValidity, lastUid: mailbox.imapLastUid };
  const sinceAt = mailbox.imapLastUid === null ? mailbox.createdAt : (mailbox.imapCheckedAt ?? mailbox.createdAt);
  const poll = await readNewInboxMail(mailbox.imapUrl!, position, sinceAt, (message) => receiveOrSkip(ctx, mailbox, message, failures));
  const error = poll.error && describeFailure(poll.error);
  if (error) ctx.log.warn({ userId: mailbox.userId, error }, "mailbox poll failed");
  await recordImapPoll(ctx.db, mailbox.userId, { ...poll.position, checkedAt: error ? mailbox.imapCheckedAt : ctx.clock.now(), error });
}

/**
 * Polls every mailbox with IMAP set, one after another. Never throws: a mailbox that fails is
 * recorded with its error and the others are still polled. `failures` carries over from poll to poll.
 */
export async function pollMailboxesOnce(ctx: ServiceContext, failures: MessageFailures = new Map()): Promise<void> {
  let mailboxes: Mailbox[];
  try {
    mailboxes = await listImapMailboxes(ctx.db);
  } catch (error) {
    ctx.log.error({ err: error }, "mailbox poll could not list mailboxes");
    return;
  }
  for (const mailbox of mailboxes) {
    try {
      await pollMailbox(ctx, mailbox, failures);
    } catch (error) {
      ctx.log.error({ err: error, userId: mailbox.userId }, "mailbox poll could not record its result");
    }
  }
}

/**
 * Polls the mailboxes every `intervalMs` (MAILBOX_POLL_SECONDS) until stopped. Several worker
 * processes each poll: harmless, since inbound mail is handled once per Message-ID.
 */
export function startMailboxPoller(ctx: ServiceContext, options: { intervalMs: number }): RunningMailboxPoller {
  const stopping = new AbortController();
  const failures: MessageFailures = new Map();
  const loop = (async () => {
    while (!stopping.signal.aborted) {
      await pollMailboxesOnce(ctx, failures);
      await sleep(options.intervalMs, undefined, { signal: stopping.signal }).catch(() => {});
    }
  })();
  return {
    stop: async () => {
      stopping.abort();
      await loop;
    },
  };
}
