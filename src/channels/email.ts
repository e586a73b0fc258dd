import nodemailer from "nodemailer";
import { EmailMessagePayload } from "../domain/notifications/notification-payloads.js";
import { type Channel, failedDelivery } from "./channel.js";

export type EmailChannelOptions = {
  /** SMTP_URL, e.g. `smtp://user:pass@mail.example.com:587`; none means messages fail visibly. */
  smtpUrl: string | undefined;
  /** MAIL_FROM, e.g. `Closeloop <closeloop@example.com>`. */
  from: string;
  timeoutMs: number;
};

/** The Message-ID of an outbox message: the same on every retry, so mail systems and people see one message. */
export function messageIdOf(outboxId: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "closeloop.invalid";
  return `<${outboxId}@${domain}>`;
}

/** SMTP reply code of a nodemailer answer or error (`250 OK …`, or `responseCode` on failures). */
export function replyCodeOf(source: { response?: string; responseCode?: number }): number | null {
  if (typeof source.responseCode === "number") return source.responseCode;
  const code = Number(source.response?.slice(0, 3));
  return Number.isInteger(code) && code > 0 ? code : null;
}

/**
 * Email over SMTP with nodemailer. A 5xx reply (no such mailbox, rejected) is permanent: the
 * message is dead at once instead of hammering the server. Timeouts and 4xx are retried.
 */
export function createEmailChannel(options: EmailChannelOptions): Channel<typeof EmailMessagePayload> {
  const transport = options.smtpUrl
    ? nodemailer.createTransport({ url: options.smtpUrl, connectionTimeout: options.timeoutMs, greetingTimeout: options.timeoutMs, socketTimeout: options.timeoutMs })
    : undefined;
  return {
    name: "email",
    payloadSchema: EmailMessagePayload,
    retry: { maxAttempts: 8, backoffBaseMs: 5000, backoffMaxMs: 900_000 },
    async deliver(message) {
      if (!transport) return failedDelivery("email is not configured: set SMTP_URL", { isPermanent: true });
      const { to, subject, text, html } = message.payload;
      try {
        const info = await transport.sendMail({ from: options.from, to, subject, text, ...(html ? { html } : {}), messageId: messageIdOf(message.id, options.from) });
        return { isDelivered: true, statusCode: replyCodeOf(info) };
      } catch (error) {
        const failure = error as Error & { response?: string; responseCode?: number };
        const statusCode = replyCodeOf(failure);
        return failedDelivery(failure.response ?? failure.message, { statusCode, isPermanent: statusCode !== null && statusCode >= 500 });
      }
    },
  };
}
