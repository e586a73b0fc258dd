import type { Principal } from "../../domain/access/permission.js";
import { DomainError } from "../../domain/errors.js";
import { normalizeUserEmail } from "../../domain/users/user-input.js";
import { fromHeaderOf, mailboxTransport } from "../../channels/mailbox-transport.js";
import type { ServiceContext } from "../context.js";
import { findManagedMailbox } from "./mailbox-access.js";

/** What the mail server said when it took the test email. */
export type TestEmailResult = { messageId: string; response: string };

/**
 * Sends a test email through a user's mailbox (theirs, or anyone's with `sequences:manage`) to
 * `to`, so they see the setup works before a sequence relies on it. A refused recipient is
 * `invalid` on `to`; a server that cannot be reached or rejects the login is `upstream_failed`
 * on `smtpUrl`. Both quote the server's own words, never a server error of ours.
 */
export async function sendTestEmail(ctx: ServiceContext, principal: Principal, userId: string, to: string): Promise<TestEmailResult> {
  const address = normalizeUserEmail(to, "to");
  const mailbox = await findManagedMailbox(ctx.db, principal, userId);
  try {
    const info = await mailboxTransport(mailbox).sendMail({
      from: fromHeaderOf(mailbox),
      to: address,
      subject: "Closeloop test email",
      text: `This test email went out through the mailbox of ${mailbox.fromAddress}. Follow-up sequences will send from it.`,
    });
    return { messageId: info.messageId, response: info.response };
  } catch (error) {
    const failure = error as Error & { code?: string; response?: string };
    const field = failure.code === "EENVELOPE" ? "to" : "smtpUrl";
    throw new DomainError(field === "to" ? "invalid" : "upstream_failed", { field, message: `${field}: the mail server refused the test email: ${failure.response ?? failure.message}` });
  }
}
