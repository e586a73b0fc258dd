import { setTimeout as sleep } from "node:timers/promises";
import { readNewInboxMail } from "../channels/imap-inbox.js";
import type { ServiceContext } from "../services/context.js";
import { receiveInboundMail } from "../services/inbound-mail/receive-inbound-mail.js";
import { listImapMailboxes, type Mailbox, recordImapPoll } from "../store/mailboxes.js";

/** Poll errors are shown to people on the mailbox page: the gist, not a stack. */
const ERROR_MAX_CHARS = 500;

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
 * Reads one mailbox's new INBOX mail into `receiveInboundMail` and records how far it got, or
 * why it stopped. The first poll (no UIDVALIDITY yet) reads mail since the mailbox was saved;
 * after a UIDVALIDITY change, mail since the last check.
 */
async function pollMailbox(ctx: ServiceContext, mailbox: Mailbox): Promise<void> {
  const position = { uidValidity: mailbox.imapUidValidity, lastUid: mailbox.imapLastUid };
  const sinceAt = mailbox.imapUidValidity === null ? mailbox.updatedAt : (mailbox.imapCheckedAt ?? mailbox.updatedAt);
  const poll = await readNewInboxMail(mailbox.imapUrl!, position, sinceAt, async (raw) => {
    await receiveInboundMail(ctx, { raw, via: "imap", mailboxUserId: mailbox.userId });
  });
  const error = poll.error && describeFailure(poll.error);
  if (error) ctx.log.warn({ userId: mailbox.userId, error }, "mailbox poll failed");
  await recordImapPoll(ctx.db, mailbox.userId, { ...poll.position, checkedAt: ctx.clock.now(), error });
}

/**
 * Polls every mailbox with IMAP set, one after another. Never throws: a mailbox that fails is
 * recorded with its error and the others are still polled.
 */
export async function pollMailboxesOnce(ctx: ServiceContext): Promise<void> {
  let mailboxes: Mailbox[];
  try {
    mailboxes = await listImapMailboxes(ctx.db);
  } catch (error) {
    ctx.log.error({ err: error }, "mailbox poll could not list mailboxes");
    return;
  }
  for (const mailbox of mailboxes) {
    try {
      await pollMailbox(ctx, mailbox);
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
  const loop = (async () => {
    while (!stopping.signal.aborted) {
      await pollMailboxesOnce(ctx);
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
