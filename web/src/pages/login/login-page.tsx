import { type FormEvent, useState } from "react";
import { logIn, type Session } from "../../api/auth.js";
import { FormAlert } from "../../components/form-alert.js";
import { formProblemOf, NO_PROBLEM } from "../../components/form-problem.js";
import { TextField } from "../../components/text-field.js";
import { useDocumentTitle } from "../../hooks/use-document-title.js";

const FIELDS = ["email", "password"] as const;

/** Email and password, then into the app. */
export function LoginPage({ onLoggedIn }: { onLoggedIn: (session: Session) => void }) {
  useDocumentTitle("Log in");
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsSubmitting(true);
    try {
      const session = await logIn({ email: String(form.get("email")), password: String(form.get("password")) });
      onLoggedIn(session);
    } catch (error) {
      setProblem(formProblemOf(error, FIELDS));
      setIsSubmitting(false);
    }
  }

  return (
    <main className="auth-page">
      <form className="auth-card" onSubmit={handleSubmit} noValidate>
        <h1>Log in to Closeloop</h1>
        <FormAlert message={problem.message} />
        <TextField label="Email" name="email" type="email" autoComplete="username" required autoFocus error={problem.fieldErrors.email} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={problem.fieldErrors.password} />
        <button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Logging in…" : "Log in"}
        </button>
      </form>
    </main>
  );
}
