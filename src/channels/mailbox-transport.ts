import net from "node:net";
import nodemailer, { type Transporter } from "nodemailer";
import SMTPPool from "nodemailer/lib/smtp-pool/index.js";
import type { Mailbox } from "../store/mailboxes.js";

/** How long an SMTP server may take to connect, greet or answer one command before a send fails (and is retried). */
const SMTP_TIMEOUT_MS = 10_000;

/**
 * The longest one send can take before it fails: connecting, the greeting and the answers of a
 * session (EHLO, STARTTLS, EHLO, AUTH, MAIL FROM, RCPT TO, DATA, the message), each within the
 * timeout. The outbox lease of a sequence email must exceed it comfortably: a lease running out
 * mid-send lets another worker send the same step again.
 */
export const SMTP_SEND_WORST_CASE_MS = 10 * SMTP_TIMEOUT_MS;

type CachedTransport = { updatedAt: number; smtpUrl: string; transport: Transporter<SMTPPool.SentMessageInfo> };

/** One pooled transport per mailbox version: reusing connections is what makes ≥ 1,000 messages/s possible. */
const transports = new Map<string, CachedTransport>();

type SocketCallback = (error: Error | null, socketOptions?: { connection: net.Socket }) => void;

/**
 * Opens each pooled connection with Nagle's algorithm off. nodemailer writes a message's body and
 * its closing "." separately; with Nagle on, the second write waits for the server's delayed ACK,
 * ~40 ms per message per connection: 22 instead of ~450 messages/s on one connection to a local
 * server (`npm run bench -- sequences`). TLS (smtps, STARTTLS) is set up on this socket as before.
 */
function openUnbufferedSocket(options: { host?: string; port?: number; secure?: boolean }, callback: SocketCallback): void {
  const socket = net.connect({ host: options.host ?? "localhost", port: Number(options.port) || (options.secure ? 465 : 587) });
  const timer = setTimeout(() => socket.destroy(new Error("Connection timeout")), SMTP_TIMEOUT_MS);
  const onError = (error: Error) => {
    clearTimeout(timer);
    callback(error);
  };
  socket.once("error", onError);
  socket.once("connect", () => {
    clearTimeout(timer);
    socket.removeListener("error", onError);
    // Once connected: set before, it does not reach the connection here.
    socket.setNoDelay(true);
    callback(null, { connection: socket });
  });
}

/**
 * The pooled SMTP transport of a user's mailbox. It is kept per user and mailbox version
 * (`updatedAt`, and the URL itself should two saves share a millisecond): saving the mailbox
 * closes the old pool and the next send opens a new one with the new server and credentials.
 */
export function mailboxTransport(mailbox: Mailbox): Transporter<SMTPPool.SentMessageInfo> {
  const cached = transports.get(mailbox.userId);
  if (cached?.updatedAt === mailbox.updatedAt && cached.smtpUrl === mailbox.smtpUrl) return cached.transport;
  cached?.transport.close();
  const options: SMTPPool.Options & { url: string } = {
    url: mailbox.smtpUrl,
    pool: true,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
    getSocket: openUnbufferedSocket,
  };
  // The pool itself, not `createTransport(options)`: given a `url`, createTransport keeps only what
  // the URL says and drops the rest (pool, timeouts, getSocket), which sent each message on a new connection.
  const transport = nodemailer.createTransport(new SMTPPool(options));
  transports.set(mailbox.userId, { updatedAt: mailbox.updatedAt, smtpUrl: mailbox.smtpUrl, transport });
  return transport;
}

/** Closes every pooled connection (worker shutdown, tests). */
export function closeMailboxTransports(): void {
  for (const { transport } of transports.values()) transport.close();
  transports.clear();
}

/** The From of a mailbox's messages: its display name (if any) and address; nodemailer quotes the name. */
export function fromHeaderOf(mailbox: Pick<Mailbox, "fromName" | "fromAddress">): { name: string; address: string } {
  return { name: mailbox.fromName ?? "", address: mailbox.fromAddress };
}
