import { useEffect, useState } from "react";
import { type CaptureForm, listForms } from "../../api/forms.js";
import { FormAlert } from "../../components/form-alert.js";
import { problemMessageOf } from "../../components/form-problem.js";
import { useDocumentTitle } from "../../hooks/use-document-title.js";
import { FormCard } from "./form-card.js";
import { NewForm } from "./new-form.js";

/** Capture forms and the snippets that put them on a website. */
export function FormsPage() {
  useDocumentTitle("Forms");
  const [forms, setForms] = useState<CaptureForm[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The same for every form: the site's one activity script.
  const activitySnippet = forms?.[0]?.activitySnippetHtml;

  useEffect(() => {
    const controller = new AbortController();
    listForms(controller.signal).then(setForms, (failure: unknown) => {
      if (!controller.signal.aborted) setError(problemMessageOf(failure));
    });
    return () => controller.abort();
  }, []);

  return (
    <section className="page">
      <h1>Forms</h1>
      <p className="muted">Paste a form's snippet into any web page; what visitors send arrives here as leads, de-duplicated by email and phone.</p>
      {activitySnippet && (
        <p className="muted">
          To follow visitors after they send a form, put <code>{activitySnippet}</code> on every page of the website (the thank-you page included): each page they view then counts toward their intent score.
        </p>
      )}
      <FormAlert message={error} />
      <NewForm onCreated={(form) => setForms((current) => [form, ...(current ?? [])])} />
      {forms !== null && forms.length === 0 && <p className="empty">No forms yet.</p>}
      <ul className="form-list">
        {forms?.map((form) => (
          <FormCard key={form.id} form={form} />
        ))}
      </ul>
    </section>
  );
}
