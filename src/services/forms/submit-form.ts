import { DomainError } from "../../domain/errors.js";
import { isHoneypotFilled, withoutHoneypot } from "../../domain/forms/form.js";
import { findFormByKey } from "../../store/forms.js";
import { captureLead } from "../capture-leads.js";
import type { ServiceContext } from "../context.js";
import { visitorTokenFor } from "../scoring/visitor-tokens.js";

/** `visitorToken`: for the website's activity snippet (`cl_visitor`), when a lead was captured. */
export type FormSubmissionResult = { thankYouUrl: string | null; leadId: string | null; visitorToken: string | null };

/**
 * Captures a public form submission. The form supplies source, campaign and channel unless
 * the page sent its own (UTM-tagged landing pages do). A captured (or merged) lead's visitor token
 * goes back to the website, so its activity snippet can follow them. A filled honeypot is
 * accepted and dropped: nothing is written, and `leadId` and `visitorToken` are null.
 */
export async function submitForm(ctx: ServiceContext, formKey: string, body: Record<string, unknown>): Promise<FormSubmissionResult> {
  const form = await findFormByKey(ctx.db, formKey);
  if (!form || !form.isActive) throw new DomainError("not_found", { field: "formKey", message: `formKey: no active form ${formKey}` });
  if (isHoneypotFilled(body)) {
    ctx.log.info({ formKey }, "form submission dropped by the honeypot");
    return { thankYouUrl: form.thankYouUrl, leadId: null, visitorToken: null };
  }
  const payload = { channel: "form", source: form.source, campaign: form.campaign, ...withoutHoneypot(body) };
  const result = await captureLead(ctx, { payload, actor: `form:${formKey}` });
  return { thankYouUrl: form.thankYouUrl, leadId: result.leadId, visitorToken: await visitorTokenFor(ctx, result.leadId) };
}
