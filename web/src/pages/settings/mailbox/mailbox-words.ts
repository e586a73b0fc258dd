import type { Mailbox } from "../../../api/mailboxes.js";

/** "smtp.example.com:465 (TLS) as ann@example.com, password set": what is stored, never the secret. */
export function serverText(server: Mailbox["smtp"]): string {
  const user = server.user ? ` as ${server.user}` : "";
  return `${server.host}:${server.port} (${server.isSecure ? "TLS" : "STARTTLS when offered"})${user}, password ${server.passwordIsSet ? "set" : "not set"}`;
}
