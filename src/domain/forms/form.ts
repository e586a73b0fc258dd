/** A public capture form: a website posts to `/f/<formKey>` and the lead lands with the form's source and campaign. */
export type Form = {
  id: string;
  formKey: string;
  name: string;
  source: string | null;
  campaign: string | null;
  /** Where the browser goes after a submission; null shows Closeloop's own thank-you page. */
  thankYouUrl: string | null;
  isActive: boolean;
  createdAt: number;
};

/**
 * Hidden field that people never see and bots fill in. A submission with a value here is
 * answered exactly like a real one (so the bot learns nothing) and stored nowhere.
 */
export const HONEYPOT_FIELD = "company_website";

/** Whether a submission filled the honeypot. */
export function isHoneypotFilled(body: Record<string, unknown>): boolean {
  const value = body[HONEYPOT_FIELD];
  return value !== undefined && value !== null && String(value).trim() !== "";
}

/** The submission without the honeypot field, ready to capture. */
export function withoutHoneypot(body: Record<string, unknown>): Record<string, unknown> {
  const { [HONEYPOT_FIELD]: _honeypot, ...rest } = body;
  return rest;
}
