/** An email as a mail server would hand it over: headers, a blank line, the body (CRLF). */
export type RawMailParts = {
  from: string;
  to: string;
  subject: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  /** More headers, e.g. `{ "Auto-Submitted": "auto-replied" }`. */
  headers?: Record<string, string>;
  text: string;
};

/** A plain-text email. */
export function rawMail(parts: RawMailParts): Buffer {
  const headers: Record<string, string | undefined> = {
    From: parts.from,
    To: parts.to,
    Subject: parts.subject,
    Date: "Mon, 02 Mar 2026 09:00:00 +0000",
    "Message-ID": parts.messageId,
    "In-Reply-To": parts.inReplyTo,
    References: parts.references?.join(" "),
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=utf-8",
    ...parts.headers,
  };
  const head = Object.entries(headers).filter(([, value]) => value !== undefined).map(([name, value]) => `${name}: ${value}`);
  return Buffer.from(`${head.join("\r\n")}\r\n\r\n${parts.text.replace(/\r?\n/g, "\r\n")}\r\n`);
}

/** An RFC 3464 delivery report from a mailer daemon: `recipient` failed with 5.1.1; the returned headers carry `originalMessageId`. */
export function rawBounce(parts: { to: string; recipient: string; originalMessageId: string; messageId: string }): Buffer {
  const text = [
    `From: Mail Delivery System <MAILER-DAEMON@mx.example.org>`,
    `To: ${parts.to}`,
    `Subject: Undelivered Mail Returned to Sender`,
    `Message-ID: ${parts.messageId}`,
    `Auto-Submitted: auto-replied`,
    `MIME-Version: 1.0`,
    `Content-Type: multipart/report; report-type=delivery-status; boundary="report"`,
    ``,
    `--report`,
    `Content-Type: text/plain`,
    ``,
    `Your message could not be delivered to <${parts.recipient}>.`,
    ``,
    `--report`,
    `Content-Type: message/delivery-status`,
    ``,
    `Reporting-MTA: dns; mx.example.org`,
    ``,
    `Final-Recipient: rfc822; ${parts.recipient}`,
    `Action: failed`,
    `Status: 5.1.1`,
    `Diagnostic-Code: smtp; 550 5.1.1 user unknown`,
    ``,
    `--report`,
    `Content-Type: text/rfc822-headers`,
    ``,
    `From: ${parts.to}`,
    `To: ${parts.recipient}`,
    `Message-ID: ${parts.originalMessageId}`,
    ``,
    `--report--`,
    ``,
  ];
  return Buffer.from(text.join("\r\n"));
}
