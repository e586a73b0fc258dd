import { ImapFlow } from "imapflow";

/** How far a mailbox's INBOX has been read: its UIDVALIDITY and the highest UID handled. */
export type InboxPosition = { uidValidity: number | null; lastUid: number | null };

/** What a poll reached, and why it stopped early (null: it read everything new). */
export type InboxPoll = { position: InboxPosition; error: Error | null };

/** A new message in the INBOX: its raw bytes, or null when it is over MAX_MESSAGE_BYTES and was not fetched. */
export type InboxMessage = { uid: number; uidValidity: number; size: number; raw: Buffer | null };

/** Larger messages are not fetched: no reply, out-of-office or bounce is this big, and it would sit in memory whole. */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

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

/** The size of each message, in one FETCH. */
async function sizesOf(client: ImapFlow, uids: number[]): Promise<Map<number, number>> {
  const sizes = new Map<number, number>();
  if (uids.length === 0) return sizes;
  for await (const message of client.fetch(uids.join(","), { uid: true, size: true }, { uid: true })) sizes.set(message.uid, message.size ?? 0);
  return sizes;
}

/**
 * Reads the mail that is new in a mailbox's INBOX, oldest first, handing each message to
 * `handle` (one over MAX_MESSAGE_BYTES without its bytes) and moving the position past it once
 * `handle` resolves. When the server's UIDVALIDITY differs from the position's (or no UID was
 * handled yet: the first poll) UIDs restarted, so it reads by date instead: mail since
 * `sinceAt` (IMAP SINCE counts whole days; repeats are the handler's to recognise). Never
 * throws: a failure (connection, login, a handler that throws) ends the poll with the position
 * reached and the error.
 */
export async function readNewInboxMail(imapUrl: string, position: InboxPosition, sinceAt: number, handle: (message: InboxMessage) => Promise<void>): Promise<InboxPoll> {
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
    const sizes = await sizesOf(client, uids);
    for (const uid of uids) {
      const size = sizes.get(uid); // Undefined: deleted since the search.
      if (size !== undefined && size > MAX_MESSAGE_BYTES) {
        await handle({ uid, uidValidity, size, raw: null });
      } else if (size !== undefined) {
        const message = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
        if (message && message.source) await handle({ uid, uidValidity, size, raw: message.source });
      }
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
