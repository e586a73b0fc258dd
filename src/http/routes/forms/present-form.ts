import type { Form } from "../../../domain/forms/form.js";
import { formSnippetHtml } from "../../../domain/forms/form-snippet.js";
import { isoOf } from "../../instants.js";

/** The API shape of a form, with its endpoint and embeddable snippet. */
export function presentForm(form: Form, publicUrl: string) {
  return {
    ...form,
    createdAt: isoOf(form.createdAt),
    endpointUrl: `${publicUrl}/f/${form.formKey}`,
    snippetHtml: formSnippetHtml(publicUrl, form),
  };
}
