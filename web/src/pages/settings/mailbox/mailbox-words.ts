import type { Mailbox } from "../../../api/mailboxes.js";

type MailboxServer = Mailbox["smtp"];

/**
 * The stored server as a URL without its password ("smtps://ann%40example.com@smtp.example.com:465"):
 * saved back like this, the API keeps the stored password for the same host and user.
 */
export function serverUrlOf(server: MailboxServer, protocol: "smtp" | "imap"): string {
  const user = server.user ? `${encodeURIComponent(server.user)}@` : "";
  return `${protocol}${server.isSecure ? "s" : ""}://${user}${server.host}${server.port === null ? "" : `:${server.port}`}`;
}

/** "password set" or "no password", for the hint beside a server URL. */
export function passwordText(server: MailboxServer | null): string {
  if (!server) return "";
  return server.passwordIsSet ? "Password set: leave it out of the URL to keep it, or type user:password@ to change it." : "No password stored.";
}
