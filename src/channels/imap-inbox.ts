import { ImapFlow } from "imapflow";

/** How far a mailbox's INBOX has been read: its UIDVALIDITY and the highest UID handled. */
export type InboxPosition = { uidValidity: number | null; lastUid: number | null };

/** What a poll reached, and why it stopped early (null: it read everything new). */
export type InboxPoll = { position: InboxPosition; error: Error | null };

/** At most this many messages per poll, so one huge backlog does not hold the poller; the next poll goes on. */
const MAX_MESSAGES_PER_POLL = 500;

const CONNECT_TIMEOUT_MS = 15_000;
const SOCKET_TIMEOUT_MS = 60_000;

/** `imap://user:pass@host:143` (STARTTLS when offered) or `imaps://…:993` → imapflow options. */
function connectionOf(imapUrl: string): ConstructorParameters<typeof ImapFlow>[0] {
  const url = new URL(imapUrl);
  const secure = url.protocol === "imaps:";
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 993 : 143,
    secure,
    auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: CONNECT_TIMEOUT_MS,
    greetingTimeout: CONNECT_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
  };
}

/** UIDs to read: above the last one handled; after a UIDVALIDITY change (or on the first poll) everything since `sinceAt`. */
async function newUids(client: ImapFlow, position: InboxPosition, uidValidity: number, sinceAt: number): Promise<number[]> {
  const isSameUids = position.uidValidity === uidValidity && position.lastUid !== null;
  const after = isSameUids ? position.lastUid! : 0;
  // `N:*` also answers the highest UID when none is above N (RFC 3501 §6.4.8), hence the filter.
  const query = isSameUids ? { uid: `${after + 1}:*` } : { since: new Date(sinceAt) };
  const found = (await client.search(query, { uid: true })) || [];
  return found.filter((uid) => uid > after).sort((a, b) => a - b).slice(0, MAX_MESSAGES_PER_POLL);
}

/**
 * Reads the mail that is new in a mailbox's INBOX, oldest first, handing each raw message to
 * `handle` and moving the position past it once `handle` resolves. When the server's
 * UIDVALIDITY differs from the position's (or the position is empty: the first poll) UIDs
 * restarted, so it reads by date instead: mail since `sinceAt` (IMAP SINCE counts whole days;
 * repeats are the handler's to recognise). Never throws: a failure (connection, login,
 * handler) ends the poll with the position reached and the error.
 */
export async function readNewInboxMail(imapUrl: string, position: InboxPosition, sinceAt: number, handle: (raw: Buffer) => Promise<void>): Promise<InboxPoll> {
  let reached = position;
  let client: ImapFlow | undefined;
  try {
    client = new ImapFlow(connectionOf(imapUrl));
    client.on("error", () => {}); // Socket errors also reject the pending command, which is where they are handled.
    await client.connect();
    const inbox = await client.mailboxOpen("INBOX", { readOnly: true });
    const uidValidity = Number(inbox.uidValidity);
    const uids = await newUids(client, position, uidValidity, sinceAt);
    reached = { uidValidity, lastUid: position.uidValidity === uidValidity ? position.lastUid : null };
    for (const uid of uids) {
      const message = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
      if (message && message.source) await handle(message.source);
      reached = { uidValidity, lastUid: uid };
    }
    // Everything below UIDNEXT (as of opening) was searched: skip it next time, unless the poll stopped at its cap.
    const ceiling = inbox.uidNext - 1;
    if (uids.length < MAX_MESSAGES_PER_POLL && ceiling > (reached.lastUid ?? 0)) reached = { uidValidity, lastUid: ceiling };
    return { position: reached, error: null };
  } catch (error) {
    return { position: reached, error: error instanceof Error ? error : new Error(String(error)) };
  } finally {
    await client?.logout().catch(() => client?.close());
  }
}
