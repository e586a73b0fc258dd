import { type FormEvent, useState } from "react";
import { type Session, setUpFirstAdmin } from "../../api/auth.js";
import { FormAlert } from "../../components/form-alert.js";
import { formProblemOf, NO_PROBLEM } from "../../components/form-problem.js";
import { TextField } from "../../components/text-field.js";
import { useDocumentTitle } from "../../hooks/use-document-title.js";

const FIELDS = ["name", "email", "password"] as const;

/** Matches the server's MIN_PASSWORD_LENGTH, so the browser can say so before a round trip. */
const MIN_PASSWORD_LENGTH = 10;

type SetupPageProps = { token: string; onSetUp: (session: Session) => void };

/** Creates the first admin from the one-time link `npm start` prints. */
export function SetupPage({ token, onSetUp }: SetupPageProps) {
  useDocumentTitle("Set up");
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsSubmitting(true);
    try {
      onSetUp(await setUpFirstAdmin({ token, name: String(form.get("name")), email: String(form.get("email")), password: String(form.get("password")) }));
    } catch (error) {
      setProblem(formProblemOf(error, FIELDS));
      setIsSubmitting(false);
    }
  }

  return (
    <main className="auth-page">
      <form className="auth-card" onSubmit={handleSubmit} noValidate>
        <h1>Set up Closeloop</h1>
        <p className="muted">Create the first admin account. This link works once.</p>
        <FormAlert message={token ? problem.message : "This setup link has no token. Copy the whole link that `npm start` printed."} />
        <TextField label="Your name" name="name" autoComplete="name" required autoFocus error={problem.fieldErrors.name} />
        <TextField label="Email" name="email" type="email" autoComplete="username" required error={problem.fieldErrors.email} />
        <TextField
          label={`Password (at least ${MIN_PASSWORD_LENGTH} characters)`}
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          required
          error={problem.fieldErrors.password}
        />
        <button type="submit" disabled={isSubmitting || !token}>
          {isSubmitting ? "Creating…" : "Create admin and log in"}
        </button>
      </form>
    </main>
  );
}
