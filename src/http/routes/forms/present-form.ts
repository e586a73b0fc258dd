import type { Form } from "../../../domain/forms/form.js";
import { formSnippetHtml } from "../../../domain/forms/form-snippet.js";

/** The API shape of a form, with its endpoint and embeddable snippet. */
export function presentForm(form: Form, publicUrl: string) {
  return {
    ...form,
    createdAt: new Date(form.createdAt).toISOString(),
    endpointUrl: `${publicUrl}/f/${form.formKey}`,
    snippetHtml: formSnippetHtml(publicUrl, form),
  };
}
