import { type FormEvent, useState } from "react";
import { sendTestEmail, type TestEmailAnswer } from "../../../api/mailboxes.js";
import { FormActions } from "../../../components/form-actions.js";
import { FormAlert } from "../../../components/form-alert.js";
import { formProblemOf, NO_PROBLEM } from "../../../components/form-problem.js";
import { TextField } from "../../../components/text-field.js";

type SendTestFormProps = { userId: string; defaultTo: string };

/** Sends a test email through the mailbox's SMTP server and shows what the server answered. */
export function SendTestForm({ userId, defaultTo }: SendTestFormProps) {
  const [answer, setAnswer] = useState<TestEmailAnswer | null>(null);
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [isSending, setIsSending] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const to = String(new FormData(event.currentTarget).get("to") ?? "").trim();
    setIsSending(true);
    setAnswer(null);
    try {
      setAnswer(await sendTestEmail(userId, to));
      setProblem(NO_PROBLEM);
    } catch (error) {
      setProblem(formProblemOf(error, ["to"]));
    } finally {
      setIsSending(false);
    }
  }

  return (
    <form className="panel" onSubmit={handleSubmit} aria-labelledby="send-test-title" noValidate>
      <h2 id="send-test-title">Send a test email</h2>
      <TextField label="To" name="to" type="email" defaultValue={defaultTo} required error={problem.fieldErrors.to} />
      <FormActions label="Send test" busyLabel="Sending…" isSaving={isSending} />
      <div aria-live="polite">
        <FormAlert message={problem.message} />
        {answer && (
          <p className="test-answer">
            Sent as <code>{answer.messageId}</code>. The server said: <code>{answer.response}</code>
          </p>
        )}
      </div>
    </form>
  );
}
