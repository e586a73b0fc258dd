import { invalidField } from "../../domain/errors.js";
import { normalizeUserEmail } from "../../domain/users/user-input.js";

/** A mailbox as its owner (or a manager) fills it in. A URL without a password keeps the saved password for the same server and user. */
export type MailboxInput = {
  fromName: string | null;
  fromAddress: string;
  /** `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://…:465`. */
  smtpUrl: string;
  /** `imaps://user:password@host:993` or `imap://…`; null: replies are not polled (the inbound endpoint may still get them). */
  imapUrl: string | null;
  hourlyLimit: number;
  dailyLimit: number;
};

export const MAILBOX_LIMITS = { maxHourly: 10_000, maxDaily: 100_000, maxFromNameLength: 200 } as const;

/** A mail server URL's parts the screens may show: never its password, only whether one is saved. */
export type ServerView = { host: string; port: number | null; user: string | null; isSecure: boolean; passwordIsSet: boolean };

/** The checked input (trimmed, address lower-cased); `invalid` naming the field otherwise. */
export function checkMailboxInput(input: MailboxInput): MailboxInput {
  const fromName = input.fromName?.trim() || null;
  if (fromName !== null && (fromName.length > MAILBOX_LIMITS.maxFromNameLength || /[\r\n]/.test(fromName))) {
    throw invalidField("fromName", `must be one line of at most ${MAILBOX_LIMITS.maxFromNameLength} characters`);
  }
  checkLimit(input.hourlyLimit, MAILBOX_LIMITS.maxHourly, "hourlyLimit");
  checkLimit(input.dailyLimit, MAILBOX_LIMITS.maxDaily, "dailyLimit");
  const imapUrl = input.imapUrl?.trim() || null;
  if (imapUrl !== null) parseServerUrl(imapUrl, ["imap:", "imaps:"], "imapUrl");
  const smtpUrl = input.smtpUrl.trim();
  parseServerUrl(smtpUrl, ["smtp:", "smtps:"], "smtpUrl");
  return { fromName, fromAddress: normalizeUserEmail(input.fromAddress, "fromAddress"), smtpUrl, imapUrl, hourlyLimit: input.hourlyLimit, dailyLimit: input.dailyLimit };
}

function checkLimit(value: number, max: number, field: string): void {
  if (!Number.isInteger(value) || value < 1 || value > max) throw invalidField(field, `must be a whole number from 1 to ${max}`);
}

/** Parses a mail server URL of one of `protocols`; `invalid` naming `field` otherwise. */
export function parseServerUrl(raw: string, protocols: readonly string[], field: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalidField(field, `must be a URL such as ${protocols[0]}//user:password@mail.example.com`);
  }
  if (!protocols.includes(url.protocol)) throw invalidField(field, `must start with ${protocols.map((protocol) => `${protocol}//`).join(" or ")}`);
  if (url.hostname === "") throw invalidField(field, "must name the server");
  for (const part of [url.username, url.password]) {
    if (decodedPart(part) === null) throw invalidField(field, "has a user or password with a broken %-escape: write % itself as %25");
  }
  return url;
}

/** A URL's user or password as typed before %-escaping; null when an escape is broken (`%ZZ`). */
function decodedPart(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** What may be shown of a server URL: host, port, user, whether it is TLS from the start and whether it has a password. */
export function serverViewOf(raw: string): ServerView {
  const url = new URL(raw);
  const user = url.username === "" ? null : decodeURIComponent(url.username);
  return { host: url.hostname, port: url.port === "" ? null : Number(url.port), user, isSecure: url.protocol.endsWith("s:"), passwordIsSet: url.password !== "" };
}

/**
 * The URL to save: `raw` as given, or — when it has no password and names the same server and
 * user as the saved URL — with the saved password, so editing a mailbox never asks for it again.
 * Users compare as decoded: the settings form escapes `+ $ & ,` that a typed URL may leave bare.
 */
export function withSavedPassword(raw: string, saved: string | null): string {
  if (saved === null) return raw;
  const url = new URL(raw);
  const before = new URL(saved);
  const isSameUser = (decodedPart(url.username) ?? url.username) === (decodedPart(before.username) ?? before.username);
  if (url.password !== "" || before.password === "" || url.host !== before.host || !isSameUser) return raw;
  url.password = before.password;
  return url.href;
}
