import { randomBytes } from "node:crypto";
import { DomainError, invalidField } from "../../domain/errors.js";
import type { Form } from "../../domain/forms/form.js";
import type { Actor } from "../../domain/lead/lead-event.js";
import { appendEvents } from "../../store/events.js";
import { findFormById, insertForm, updateForm } from "../../store/forms.js";
import type { ServiceContext } from "../context.js";

/** What an admin or manager sets on a form. */
export type FormSettings = Pick<Form, "name" | "source" | "campaign" | "thankYouUrl" | "isActive">;

function checkThankYouUrl(url: string | null): void {
  if (url === null) return;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidField("thankYouUrl", "must be an absolute http(s) URL");
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw invalidField("thankYouUrl", "must be an absolute http(s) URL");
}

/** Creates a form with a fresh unguessable key (12 random bytes, base64url). */
export async function createForm(ctx: ServiceContext, settings: FormSettings, actor: Actor): Promise<Form> {
  checkThankYouUrl(settings.thankYouUrl);
  const form: Form = { id: ctx.ids("form"), formKey: randomBytes(12).toString("base64url"), ...settings, createdAt: ctx.clock.now() };
  await ctx.db.transaction().execute(async (trx) => {
    await insertForm(trx, form);
    await appendEvents(trx, [{ leadId: null, type: "form_created", actor, at: form.createdAt, data: { formId: form.id, ...settings } }]);
  });
  return form;
}

/** Changes a form's settings; its key (and so every embedded snippet) stays the same. */
export async function changeForm(ctx: ServiceContext, id: string, changes: Partial<FormSettings>, actor: Actor): Promise<Form> {
  if (changes.thankYouUrl !== undefined) checkThankYouUrl(changes.thankYouUrl);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await findFormById(trx, id);
    if (!current) throw new DomainError("not_found", { field: "id", message: `id: no form ${id}` });
    const form = { ...current, ...changes };
    await updateForm(trx, form);
    await appendEvents(trx, [{ leadId: null, type: "form_changed", actor, at: ctx.clock.now(), data: { formId: id, ...changes } }]);
    return form;
  });
}
