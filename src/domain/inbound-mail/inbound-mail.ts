/** A received email, reduced to what classification reads: parsed once by the service (mailparser). */
export type InboundMail = {
  /** Header values by lower-cased name, unfolded; a repeated header keeps its first value. */
  headers: ReadonlyMap<string, string>;
  /** The sender's address as written (not lower-cased); null when the message has none. */
  fromAddress: string | null;
  subject: string;
  /** The plain-text body; a delivery report's machine-readable part is part of it. */
  text: string;
  /** The top-level `Content-Type` with its parameters, e.g. `multipart/report; report-type=delivery-status`. */
  contentType: string;
  /** The message or headers a bounce returned (a `message/rfc822` or `text/rfc822-headers` part), when there is one. */
  returnedMessage: string | null;
};

/** A hard bounce: the address that does not take mail, and what the reporting server said. */
export type Bounce = {
  /** Lower-cased; null when the report does not say which recipient failed. */
  recipient: string | null;
  /** The enhanced status code (`5.1.1`), when given. */
  status: string | null;
  diagnostic: string | null;
  /** The Message-ID of the message that bounced (`<…>`), when the report returned its headers. */
  originalMessageId: string | null;
};

/** What an inbound email is, for the lead's sequence. */
export type InboundClassification =
  /** A person wrote back: the sequence stops. */
  | { kind: "reply" }
  /** An out-of-office answer: the sequence pauses until the return date it states (`statedReturnAt`). */
  | { kind: "out_of_office" }
  /** Any other automatic answer (ticket receipt, delivery delay): recorded, changes nothing. */
  | { kind: "auto_reply" }
  /** A delivery status notification for a message that cannot be delivered. */
  | { kind: "bounce"; bounce: Bounce };

export type InboundKind = InboundClassification["kind"];

/** A header's value, or "" when absent. */
export function headerOf(mail: Pick<InboundMail, "headers">, name: string): string {
  return mail.headers.get(name) ?? "";
}

/** Lower-case, accents removed, whitespace collapsed: the form every text pattern here matches. */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ");
}
