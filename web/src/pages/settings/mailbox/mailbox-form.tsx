import { type FormEvent, useState } from "react";
import { type Mailbox, type MailboxInput, saveMailbox } from "../../../api/mailboxes.js";
import { FormActions } from "../../../components/form-actions.js";
import { FormAlert } from "../../../components/form-alert.js";
import { formProblemOf, NO_PROBLEM } from "../../../components/form-problem.js";
import { TextField } from "../../../components/text-field.js";
import { passwordText, serverUrlOf } from "./mailbox-words.js";

const FIELDS = ["fromName", "fromAddress", "smtpUrl", "imapUrl", "hourlyLimit", "dailyLimit"] as const;

/** Sends no more than this by default: well under what common providers allow a person's mailbox. */
const DEFAULT_LIMITS = { hourlyLimit: 50, dailyLimit: 300 };

type MailboxFormProps = { userId: string; mailbox: Mailbox | null; onSaved: (saved: Mailbox) => void };

/**
 * The mailbox's sender, servers and throttles. Passwords are write-only: the URLs come back
 * without them, and a URL saved without one keeps the stored password.
 */
export function MailboxForm({ userId, mailbox, onSaved }: MailboxFormProps) {
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [status, setStatus] = useState("");
  const [isSaving, setIsSaving] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    setStatus("");
    setIsSaving(true);
    try {
      const saved = await saveMailbox(userId, mailboxInputOf(form));
      showSavedUrls(element, saved);
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
      <TextField
        label="SMTP URL (outgoing)"
        name="smtpUrl"
        autoComplete="off"
        spellCheck={false}
        defaultValue={mailbox ? serverUrlOf(mailbox.smtp, "smtp") : ""}
        placeholder="smtps://you%40example.com:password@smtp.example.com:465"
        required
        error={problem.fieldErrors.smtpUrl}
      />
      <p className="muted small field-hint">{mailbox ? passwordText(mailbox.smtp) : "smtps:// for TLS (port 465), smtp:// for STARTTLS (port 587); write @ in the user name as %40."}</p>
      <TextField
        label="IMAP URL (replies; optional)"
        name="imapUrl"
        autoComplete="off"
        spellCheck={false}
        defaultValue={mailbox?.imap ? serverUrlOf(mailbox.imap, "imap") : ""}
        placeholder="imaps://you%40example.com:password@imap.example.com:993"
        error={problem.fieldErrors.imapUrl}
      />
      <p className="muted small field-hint">{mailbox?.imap ? `${passwordText(mailbox.imap)} Empty the box to stop checking this inbox.` : "Without it, replies come in only through the inbound email endpoint."}</p>
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

/** Puts the saved URLs, without their passwords, back in the boxes: a typed password leaves the screen once stored. */
function showSavedUrls(form: HTMLFormElement, saved: Mailbox): void {
  (form.elements.namedItem("smtpUrl") as HTMLInputElement).value = serverUrlOf(saved.smtp, "smtp");
  (form.elements.namedItem("imapUrl") as HTMLInputElement).value = saved.imap ? serverUrlOf(saved.imap, "imap") : "";
}

/** The request: URLs as typed (without a password they keep the stored one); an empty IMAP box removes it. */
function mailboxInputOf(form: FormData): MailboxInput {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  return {
    fromName: text("fromName") || null,
    fromAddress: text("fromAddress"),
    smtpUrl: text("smtpUrl"),
    imapUrl: text("imapUrl") || null,
    hourlyLimit: Number(text("hourlyLimit")),
    dailyLimit: Number(text("dailyLimit")),
  };
}
