import { type FormEvent, useState } from "react";
import { type Mailbox, type MailboxInput, saveMailbox } from "../../../api/mailboxes.js";
import { FormActions } from "../../../components/form-actions.js";
import { FormAlert } from "../../../components/form-alert.js";
import { formProblemOf, NO_PROBLEM } from "../../../components/form-problem.js";
import { TextField } from "../../../components/text-field.js";
import { serverText } from "./mailbox-words.js";

const FIELDS = ["fromName", "fromAddress", "smtpUrl", "imapUrl", "hourlyLimit", "dailyLimit"] as const;

/** Sends no more than this by default: well under what common providers allow a person's mailbox. */
const DEFAULT_LIMITS = { hourlyLimit: 50, dailyLimit: 300 };

type MailboxFormProps = { userId: string; mailbox: Mailbox | null; onSaved: (saved: Mailbox) => void };

/**
 * The mailbox's sender, servers and throttles. The server URLs are write-only: the form says
 * whether one is set, and a blank box keeps it.
 */
export function MailboxForm({ userId, mailbox, onSaved }: MailboxFormProps) {
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [status, setStatus] = useState("");
  const [isSaving, setIsSaving] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setStatus("");
    setIsSaving(true);
    try {
      const saved = await saveMailbox(userId, mailboxInputOf(form));
      setProblem(NO_PROBLEM);
      setStatus("Saved.");
      onSaved(saved);
    } catch (error) {
      setProblem(formProblemOf(error, FIELDS));
    } finally {
      setIsSaving(false);
    }
  }

  const limits = mailbox ?? DEFAULT_LIMITS;
  return (
    <form className="panel" onSubmit={handleSubmit} aria-labelledby="mailbox-title" noValidate>
      <h2 id="mailbox-title">{mailbox ? "Mailbox" : "Set up your mailbox"}</h2>
      <FormAlert message={problem.message} />
      <div className="field-row">
        <TextField label="From name" name="fromName" defaultValue={mailbox?.fromName ?? ""} maxLength={200} error={problem.fieldErrors.fromName} />
        <TextField label="From address" name="fromAddress" type="email" defaultValue={mailbox?.fromAddress ?? ""} required error={problem.fieldErrors.fromAddress} />
      </div>
      <p className="muted small">{mailbox ? `Outgoing: ${serverText(mailbox.smtp)}. Type a new URL to change it; blank keeps it.` : "Outgoing server, with your user name and password in it."}</p>
      <TextField label="SMTP URL" name="smtpUrl" type="password" autoComplete="off" placeholder={mailbox ? "set (hidden)" : "smtps://you%40example.com:password@smtp.example.com:465"} error={problem.fieldErrors.smtpUrl} />
      <p className="muted small">{mailbox?.imap ? `Incoming: ${serverText(mailbox.imap)}. Type a new URL to change it; blank keeps it.` : "Incoming server to check for replies, e.g. imaps://you%40example.com:password@imap.example.com:993. Optional: replies can also arrive through the inbound email endpoint."}</p>
      <TextField label="IMAP URL" name="imapUrl" type="password" autoComplete="off" placeholder={mailbox?.imap ? "set (hidden)" : "not set"} error={problem.fieldErrors.imapUrl} />
      {mailbox?.imap && (
        <label className="checkbox">
          <input type="checkbox" name="isImapRemoved" /> Stop checking this inbox for replies
        </label>
      )}
      <div className="field-row">
        <TextField label="At most per hour" name="hourlyLimit" type="number" min="1" max="10000" step="1" defaultValue={limits.hourlyLimit} required error={problem.fieldErrors.hourlyLimit} />
        <TextField label="At most per day" name="dailyLimit" type="number" min="1" max="100000" step="1" defaultValue={limits.dailyLimit} required error={problem.fieldErrors.dailyLimit} />
      </div>
      <FormActions label={mailbox ? "Save mailbox" : "Set up mailbox"} isSaving={isSaving}>
        <span className="muted small" role="status">
          {status}
        </span>
      </FormActions>
    </form>
  );
}

/** The request: a blank URL box is left out (the stored URL stays); ticking "stop checking" sends IMAP as null. */
function mailboxInputOf(form: FormData): MailboxInput {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const smtpUrl = text("smtpUrl");
  const imapUrl = form.get("isImapRemoved") ? null : text("imapUrl") || undefined;
  return {
    fromName: text("fromName") || null,
    fromAddress: text("fromAddress"),
    ...(smtpUrl ? { smtpUrl } : {}),
    ...(imapUrl !== undefined ? { imapUrl } : {}),
    hourlyLimit: Number(text("hourlyLimit")),
    dailyLimit: Number(text("dailyLimit")),
  } as MailboxInput;
}
