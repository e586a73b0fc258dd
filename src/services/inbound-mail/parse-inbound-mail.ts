import { createHash } from "node:crypto";
import { type AddressObject, type ParsedMail, simpleParser } from "mailparser";
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

/** Header values by lower-cased name, unfolded, first occurrence kept. */
function headersOf(parsed: ParsedMail): Map<string, string> {
  const headers = new Map<string, string>();
  for (const { key, line } of parsed.headerLines) {
    if (!headers.has(key)) headers.set(key, line.slice(line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim());
  }
  return headers;
}

function firstAddress(from: AddressObject | undefined): string | null {
  return from?.value.find((entry) => entry.address)?.address ?? null;
}

function messageIdsIn(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(" ") : (value ?? "");
  return text.match(MESSAGE_ID) ?? [];
}

/** Parses a raw email (RFC 5322 / MIME) with mailparser. */
export async function parseInboundMail(raw: Buffer): Promise<ParsedInboundMail> {
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true });
  const returned = parsed.attachments.find((part) => RETURNED_MESSAGE_TYPES.includes(part.contentType.toLowerCase()));
  const headers = headersOf(parsed);
  const [inReplyTo = null] = messageIdsIn(parsed.inReplyTo);
  const threadIds = [...new Set([...(inReplyTo ? [inReplyTo] : []), ...messageIdsIn(parsed.references).reverse()])];
  const [messageId = null] = messageIdsIn(parsed.messageId);
  return {
    mail: {
      headers,
      fromAddress: firstAddress(parsed.from),
      subject: parsed.subject ?? "",
      text: parsed.text ?? "",
      contentType: headers.get("content-type") ?? "text/plain",
      returnedMessage: returned ? returned.content.toString("utf8") : null,
    },
    messageId,
    inReplyTo,
    threadIds,
    dedupeKey: messageId ?? `sha256:${createHash("sha256").update(raw).digest("hex")}`,
  };
}
