import type { Form } from "../../../domain/forms/form.js";
import { formSnippetHtml } from "../../../domain/forms/form-snippet.js";
import { activitySnippetHtml } from "../../../domain/scoring/activity-snippet.js";
import { isoOf } from "../../instants.js";

/** The API shape of a form, with its endpoint, its embeddable snippet and the site's activity snippet. */
export function presentForm(form: Form, publicUrl: string) {
  return {
    ...form,
    createdAt: isoOf(form.createdAt),
    endpointUrl: `${publicUrl}/f/${form.formKey}`,
    snippetHtml: formSnippetHtml(publicUrl, form),
    activitySnippetHtml: activitySnippetHtml(publicUrl),
  };
}
