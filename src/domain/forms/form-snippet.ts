import { type Form, HONEYPOT_FIELD } from "./form.js";

/** Text made safe to put in HTML, attribute values included. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * An HTML form a website can paste as is. It posts urlencoded to the form endpoint; the
 * honeypot input is hidden off-screen (not `display:none`, which some bots detect).
 */
export function formSnippetHtml(publicUrl: string, form: Pick<Form, "formKey" | "name">): string {
  const action = `${publicUrl}/f/${encodeURIComponent(form.formKey)}`;
  return [
    `<form action="${escapeHtml(action)}" method="post" aria-label="${escapeHtml(form.name)}">`,
    `  <label>Name <input name="name" autocomplete="name" required></label>`,
    `  <label>Work email <input name="email" type="email" autocomplete="email" required></label>`,
    `  <label>Phone <input name="phone" type="tel" autocomplete="tel"></label>`,
    `  <label>Company <input name="company" autocomplete="organization"></label>`,
    `  <label>How can we help? <textarea name="message"></textarea></label>`,
    `  <div style="position:absolute;left:-10000px" aria-hidden="true"><input name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></div>`,
    `  <button type="submit">Send</button>`,
    `</form>`,
  ].join("\n");
}
