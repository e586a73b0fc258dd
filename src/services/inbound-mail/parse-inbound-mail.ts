import { createHash } from "node:crypto";
import { type AddressObject, type ParsedMail, simpleParser } from "mailparser";
import { invalidField } from "../../domain/errors.js";
import type { InboundMail } from "../../domain/inbound-mail/inbound-mail.js";

/** A raw email parsed once: what classification reads, and the ids it is threaded and deduplicated by. */
export type ParsedInboundMail = {
  mail: InboundMail;
  messageId: string | null;
  inReplyTo: string | null;
  /** The Message-IDs this one answers, nearest first: In-Reply-To, then References newest first. */
  threadIds: string[];
  /** The Message-ID, or `sha256:<hex>` of the raw bytes when there is none: a second delivery of the same mail finds its first. */
  dedupeKey: string;
};

/** Parts of a bounce that carry the message it returns. */
const RETURNED_MESSAGE_TYPES = ["message/rfc822", "text/rfc822-headers", "message/global", "message/global-headers"];

const MESSAGE_ID = /<[^<>\s]+>/g;

/** Classification reads this much of the text (and of a returned message): a reply, report or out-of-office says what it is near the top. */
const MAX_TEXT_CHARS = 64 * 1024;

/** Without NUL characters: PostgreSQL takes none in text or jsonb, and no mail means one. */
const withoutNul = (text: string) => text.replaceAll("\u0000", "");

/** Header values by lower-cased name, unfolded, first occurrence kept. */
function headersOf(parsed: ParsedMail): Map<string, string> {
  const headers = new Map<string, string>();
  for (const { key, line } of parsed.headerLines) {
    if (!headers.has(key)) headers.set(key, withoutNul(line.slice(line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim()));
  }
  return headers;
}

function firstAddress(from: AddressObject | undefined): string | null {
  const address = from?.value.find((entry) => entry.address)?.address;
  return address ? withoutNul(address) : null;
}

function messageIdsIn(value: string | string[] | undefined): string[] {
  const text = withoutNul(Array.isArray(value) ? value.join(" ") : (value ?? ""));
  return text.match(MESSAGE_ID) ?? [];
}

/** mailparser's reading, or `invalid` on `body` when the bytes are no email it can read (a header over 1 MB…). */
async function parseMime(raw: Buffer): Promise<ParsedMail> {
  try {
    return await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true });
  } catch (error) {
    throw invalidField("body", `not a readable email (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Parses a raw email (RFC 5322 / MIME) with mailparser; the text is cut to MAX_TEXT_CHARS and cleared of NUL characters. */
export async function parseInboundMail(raw: Buffer): Promise<ParsedInboundMail> {
  const parsed = await parseMime(raw);
  const returned = parsed.attachments.find((part) => RETURNED_MESSAGE_TYPES.includes(part.contentType.toLowerCase()));
  const headers = headersOf(parsed);
  const [inReplyTo = null] = messageIdsIn(parsed.inReplyTo);
  const threadIds = [...new Set([...(inReplyTo ? [inReplyTo] : []), ...messageIdsIn(parsed.references).reverse()])];
  const [messageId = null] = messageIdsIn(parsed.messageId);
  return {
    mail: {
      headers,
      fromAddress: firstAddress(parsed.from),
      subject: withoutNul(parsed.subject ?? ""),
      text: withoutNul((parsed.text ?? "").slice(0, MAX_TEXT_CHARS)),
      contentType: headers.get("content-type") ?? "text/plain",
      returnedMessage: returned ? withoutNul(returned.content.subarray(0, MAX_TEXT_CHARS).toString("utf8")) : null,
    },
    messageId,
    inReplyTo,
    threadIds,
    dedupeKey: messageId ?? `sha256:${createHash("sha256").update(raw).digest("hex")}`,
  };
}
