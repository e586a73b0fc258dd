import { getMailbox, type Mailbox } from "../../../api/mailboxes.js";
import { useSessionUser } from "../../../app/session-context.js";
import { FormAlert } from "../../../components/form-alert.js";
import { useResource } from "../../../hooks/use-resource.js";
import { ImapPollState } from "./imap-poll-state.js";
import { MailboxForm } from "./mailbox-form.js";
import { SendTestForm } from "./send-test-form.js";

/** Each person's own mailbox: sequence email goes out through its SMTP server, replies come in through its IMAP inbox. */
export function MailboxSettings() {
  const user = useSessionUser();
  // Wrapped, so "no mailbox yet" (null) differs from "still loading" (no data).
  const loaded = useResource(`mailbox:${user.id}`, (signal) => getMailbox(user.id, signal).then((mailbox) => ({ mailbox })));
  const mailbox = loaded.data?.mailbox ?? null;

  function handleSaved(saved: Mailbox) {
    loaded.update(() => ({ mailbox: saved }));
  }

  return (
    <div>
      <p className="muted">Sequence email to your leads goes out from this mailbox, so replies land in your inbox and stop the sequence. Passwords in the server URLs are stored, never shown again.</p>
      <FormAlert message={loaded.error} />
      {mailbox?.imap && <ImapPollState mailbox={mailbox} timeZone={user.timezone} />}
      {loaded.data && <MailboxForm userId={user.id} mailbox={mailbox} onSaved={handleSaved} />}
      {mailbox && <SendTestForm userId={user.id} defaultTo={user.email} />}
    </div>
  );
}
