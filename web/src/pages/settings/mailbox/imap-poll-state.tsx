import type { Mailbox } from "../../../api/mailboxes.js";
import { FactList } from "../../../components/fact-list.js";
import { formatDateTime } from "../../../format/format-time.js";

/** How the last check of the inbox for replies went: when, and why it failed if it did. */
export function ImapPollState({ mailbox, timeZone }: { mailbox: Mailbox; timeZone: string }) {
  const lastCheck = mailbox.imapCheckedAt ? formatDateTime(mailbox.imapCheckedAt, timeZone) : "Not yet: the worker checks every inbox in turn";
  return (
    <section className="panel" aria-labelledby="imap-poll-title">
      <h2 id="imap-poll-title">Reply checking</h2>
      <FactList
        facts={[
          { label: "Last check", value: lastCheck },
          { label: "Result", value: mailbox.imapError ? <span className="field-error">Failed: {mailbox.imapError}</span> : mailbox.imapCheckedAt ? "Fine" : null },
        ]}
      />
    </section>
  );
}
