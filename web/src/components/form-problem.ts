import { ApiError } from "../api/client.js";

/** A failed submit, split into messages beside named fields and one for the whole form. */
export type FormProblem = { fieldErrors: Partial<Record<string, string>>; message: string | null };

export const NO_PROBLEM: FormProblem = { fieldErrors: {}, message: null };

/** What to say when a request never got an answer (fetch itself threw, e.g. "Failed to fetch"). */
const CONNECTION_MESSAGE = "Could not reach Closeloop. Check the connection and try again.";

/** Places an API problem next to its field when the form has that field, else above the form. */
export function formProblemOf(error: unknown, fields: readonly string[]): FormProblem {
  if (!(error instanceof ApiError)) return { fieldErrors: {}, message: CONNECTION_MESSAGE };
  const field = error.field?.split(".").pop();
  if (field === undefined || !fields.includes(field)) return { fieldErrors: {}, message: error.detail };
  // Details read "email: must be an email address"; beside the email box the prefix is noise.
  const detail = error.detail.startsWith(`${error.field}: `) ? error.detail.slice(error.field!.length + 2) : error.detail;
  return { fieldErrors: { [field]: detail }, message: null };
}

/** One sentence for a failed request, for places with no fields: the API's detail, or the connection message. */
export function problemMessageOf(error: unknown): string {
  return formProblemOf(error, []).message ?? CONNECTION_MESSAGE;
}
