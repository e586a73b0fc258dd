import { hasNullSender, isAutoSubmitted } from "./automatic-mail.js";
import { type Bounce, foldText, headerOf, type InboundMail } from "./inbound-mail.js";

/** What a delivery report says: the message failed for good, or only that delivery is late (or happened). */
export type DeliveryReport = { isFailed: true; bounce: Bounce } | { isFailed: false };

/** Senders of bounces that are not RFC 3464 reports (Postfix, Exim, qmail, Exchange, Gmail). */
const DAEMON_SENDER = /^(mailer[-_]?daemon|postmaster|mail[-_]delivery[-_]subsystem|mdaemon|bounces?)@/i;

/** How bounce subjects start (folded): "Undeliverable: …", "Mail delivery failed: …". A reply ("Re: …") never matches. */
const BOUNCE_SUBJECT =
  /^(undeliver(ed|able)|delivery (status notification|has failed|failure|failed)|returned mail|mail delivery failed|failure notice|could not be delivered|unzustellbar|nicht zustellbar|non remis|non distribuable|no se pudo entregar|no entregado)\b/;

/** Words of a permanent failure in a classic bounce, when it gives no enhanced status code. */
const PERMANENT_FAILURE =
  /\b(user unknown|unknown user|no such (user|recipient|mailbox)|does not exist|doesn't exist|address rejected|mailbox (unavailable|not found)|recipient rejected|permanent(ly)? (error|failure|failed)|5\d\d[ -])/;

/** `5.1.1`, but not part of an IP address or a version number. */
const ENHANCED_STATUS = /(?<![\d.])([245])\.\d{1,3}\.\d{1,3}(?!\.?\d)/;

const MESSAGE_ID_FIELD = /^message-id:[ \t]*(<[^>\s]+>)/im;

const ORIGINAL_MESSAGE_ID_FIELD = /^(?:x-)?original-message-id:[ \t]*(<[^>\s]+>)/im;

/** An address; it starts where a run of address characters starts, so a long word without `@` is tried once, not from every letter. */
const EMAIL_ADDRESS = /(?<![\w.!#$%&'*+/=?^`{|}~-])[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+/g;

/**
 * Where a classic bounce starts quoting the message it returns: a copy marker (qmail's "--- Below
 * this line is a copy of the message.", Exim's "------ This is a copy of the message…", "-----
 * Original message -----") or the returned headers themselves.
 */
const RETURNED_MESSAGE_START =
  /^(?:[ \t]*-+[ \t]*(?:below this line is a copy|this is a copy of the message|(?:the )?original message|returned message|undelivered message)|(?:received|return-path|message-id|dkim-signature):)/im;

const DIAGNOSTIC_MAX_CHARS = 500;

/** The `Name: value` fields of a report's text, grouped by blank lines (RFC 3464 §2.1: per-message, then per-recipient). */
function fieldBlocks(text: string): Map<string, string>[] {
  const blocks: Map<string, string>[] = [];
  let block = new Map<string, string>();
  let lastName: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "") {
      if (block.size > 0) blocks.push(block);
      block = new Map();
      lastName = null;
    } else if (/^[ \t]/.test(line) && lastName !== null) {
      block.set(lastName, `${block.get(lastName)} ${line.trim()}`);
    } else {
      const field = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(line);
      lastName = field ? field[1]!.toLowerCase() : null;
      if (field && !block.has(lastName!)) block.set(lastName!, field[2]!.trim());
    }
  }
  if (block.size > 0) blocks.push(block);
  return blocks;
}

/** `rfc822; Ann@Example.com` → `ann@example.com`. */
function addressOfField(value: string | undefined): string | null {
  if (!value) return null;
  const address = value.slice(value.indexOf(";") + 1).trim().replace(/^<|>$/g, "");
  return address.includes("@") ? address.toLowerCase() : null;
}

function clip(text: string | null): string | null {
  if (text === null) return null;
  const flat = text.replace(/\s+/g, " ").trim();
  return flat === "" ? null : flat.slice(0, DIAGNOSTIC_MAX_CHARS);
}

/** The Message-ID of the message that bounced: from the returned message, else a field of the report. */
function originalMessageIdOf(mail: InboundMail): string | null {
  const found = (mail.returnedMessage && MESSAGE_ID_FIELD.exec(mail.returnedMessage)) || ORIGINAL_MESSAGE_ID_FIELD.exec(mail.text) || MESSAGE_ID_FIELD.exec(mail.text);
  return found ? found[1]! : null;
}

/** An RFC 3464 report: failed when a recipient's Action is `failed` or its Status is 5.x.x. */
function readStatusReport(mail: InboundMail): DeliveryReport {
  const recipients = fieldBlocks(mail.text).filter((block) => block.has("final-recipient") || block.has("action"));
  const failed = recipients.find((block) => block.get("action")?.toLowerCase() === "failed" || block.get("status")?.startsWith("5."));
  if (!failed) return { isFailed: false };
  const diagnostic = failed.get("diagnostic-code") ?? null;
  return {
    isFailed: true,
    bounce: {
      // The address we sent to, not where forwarding took it (RFC 3464 §2.3.1–2.3.2).
      recipient: addressOfField(failed.get("original-recipient")) ?? addressOfField(failed.get("final-recipient")),
      status: /^\d\.\d{1,3}\.\d{1,3}/.exec(failed.get("status") ?? "")?.[0] ?? null,
      diagnostic: clip(diagnostic && diagnostic.replace(/^smtp;\s*/i, "")),
      originalMessageId: originalMessageIdOf(mail),
    },
  };
}

/** The first address in a classic bounce's own words that is neither its sender nor its recipient (our mailbox). */
function failedRecipientOf(mail: InboundMail, said: string): string | null {
  const own = new Set([mail.fromAddress ?? "", ...(headerOf(mail, "to").match(EMAIL_ADDRESS) ?? [])].map((address) => address.toLowerCase()));
  const candidate = (said.match(EMAIL_ADDRESS) ?? []).map((address) => address.toLowerCase()).find((address) => !own.has(address));
  return candidate ?? null;
}

/**
 * A mailer-daemon message without a machine-readable part: failed when its own words (not the
 * message it returns) give a 5.x.x status or permanent-failure words.
 */
function readClassicBounce(mail: InboundMail): DeliveryReport {
  const returnedAt = RETURNED_MESSAGE_START.exec(mail.text)?.index;
  const said = returnedAt === undefined ? mail.text : mail.text.slice(0, returnedAt);
  const status = ENHANCED_STATUS.exec(said);
  const isPermanent = status ? status[1] === "5" : PERMANENT_FAILURE.test(foldText(said));
  if (!isPermanent) return { isFailed: false };
  const line = status ? said.split(/\r?\n/).find((candidate) => candidate.includes(status[0])) ?? null : null;
  return { isFailed: true, bounce: { recipient: failedRecipientOf(mail, said), status: status?.[0] ?? null, diagnostic: clip(line), originalMessageId: originalMessageIdOf(mail) } };
}

/**
 * Reads a delivery status notification: an RFC 3464 `multipart/report; report-type=delivery-status`,
 * or a classic bounce: sent by a mailer daemon, or with a subject that starts like a bounce's on
 * automatic mail (`Auto-Submitted`, or the null sender). Null: this is no delivery report.
 */
export function readDeliveryReport(mail: InboundMail): DeliveryReport | null {
  const contentType = mail.contentType.toLowerCase();
  if (contentType.startsWith("multipart/report") && /report-type="?delivery-status/.test(contentType)) return readStatusReport(mail);
  const isAutomatic = isAutoSubmitted(mail) || hasNullSender(mail);
  const isClassic = DAEMON_SENDER.test(mail.fromAddress ?? "") || (isAutomatic && BOUNCE_SUBJECT.test(foldText(mail.subject).trim()));
  if (!isClassic) return null;
  // A classic bounce may still carry RFC 3464 fields in its text (Exchange, some Exim setups).
  const report = /^final-recipient:/im.test(mail.text) ? readStatusReport(mail) : null;
  return report?.isFailed ? report : readClassicBounce(mail);
}
