import { type Static, Type } from "typebox";
import { IsoInstant } from "../../instants.js";
import { Nullable } from "../../nullable.js";

const URL_MAX_LENGTH = 2000;

export const MailboxServerDto = Type.Object(
  {
    host: Type.String(),
    port: Nullable(Type.Integer(), "null: the protocol's default (587 or 465 for SMTP, 143 or 993 for IMAP)."),
    user: Nullable(Type.String()),
    isSecure: Type.Boolean({ description: "TLS from the start (smtps://, imaps://); otherwise STARTTLS when the server offers it." }),
    passwordIsSet: Type.Boolean({ description: "A password is stored. It is never returned." }),
  },
  { description: "Where mail goes out or comes in; the password is write-only." },
);

export const MailboxDto = Type.Object({
  userId: Type.String(),
  fromName: Nullable(Type.String()),
  fromAddress: Type.String(),
  smtp: MailboxServerDto,
  imap: Nullable(MailboxServerDto, "null: replies come in only through the inbound email endpoint."),
  hourlyLimit: Type.Integer({ description: "Sequence emails this mailbox sends per hour at most." }),
  dailyLimit: Type.Integer({ description: "…and per day." }),
  imapCheckedAt: Nullable(IsoInstant(), "When the inbox was last polled for replies."),
  imapError: Nullable(Type.String(), "Why the last poll failed; null after a good one."),
  updatedAt: IsoInstant(),
});

export const SaveMailboxBody = Type.Object(
  {
    fromName: Type.Optional(Nullable(Type.String({ maxLength: 200 }), "The name leads see beside the address.")),
    fromAddress: Type.String({ minLength: 3, maxLength: 254, description: "The address sequence email comes from, and replies go to." }),
    smtpUrl: Type.String({
      minLength: 1,
      maxLength: URL_MAX_LENGTH,
      description: "`smtp://user:password@host:587` (STARTTLS) or `smtps://user:password@host:465`. Write-only: without a password, the saved one for the same host and user is kept.",
    }),
    imapUrl: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: URL_MAX_LENGTH }), "`imaps://user:password@host:993` (or imap://) to poll for replies; null or left out: none. Write-only, like smtpUrl.")),
    hourlyLimit: Type.Integer({ minimum: 1, maximum: 10_000, description: "Sequence emails per hour at most." }),
    dailyLimit: Type.Integer({ minimum: 1, maximum: 100_000, description: "Sequence emails per day at most." }),
  },
  { additionalProperties: false, description: "Replaces the person's mailbox." },
);

export const MailboxUserParams = Type.Object(
  { userId: Type.String({ minLength: 1, maxLength: 100, description: "The person whose mailbox it is: yourself, or anyone for admins and managers." }) },
  { additionalProperties: false },
);

export const TestEmailBody = Type.Object(
  { to: Type.String({ minLength: 3, maxLength: 254, description: "Where to send the test email." }) },
  { additionalProperties: false },
);

export const TestEmailResponse = Type.Object(
  {
    messageId: Type.String({ description: "The test email's Message-ID." }),
    response: Type.String({ description: "The server's reply, e.g. `250 2.0.0 Ok: queued`." }),
  },
  { description: "The server accepted the test email; a refusal is a problem response instead." },
);

export type MailboxDtoType = Static<typeof MailboxDto>;
export type SaveMailboxBodyType = Static<typeof SaveMailboxBody>;
