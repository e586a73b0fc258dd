/**
 * Whether a permanent SMTP refusal says the recipient does not exist, so the address counts as
 * hard-bounced: 550/551/553 or an enhanced status 5.1.x (bad mailbox or domain), or the usual
 * wording. A 5xx for other reasons (spam, policy, size) fails the message without blaming the address.
 */
export function isUnknownRecipientRefusal(statusCode: number | null, response: string): boolean {
  if (statusCode === null || statusCode < 500) return false;
  if (/\b5\.1\.\d{1,3}\b/.test(response)) return true;
  if (/\b5\.\d{1,3}\.\d{1,3}\b/.test(response)) return false;
  return [550, 551, 553].includes(statusCode) && /no such|unknown|does not exist|not found|invalid (recipient|mailbox|address)|mailbox unavailable/i.test(response);
}

/** The enhanced status code of a refusal (`5.1.1`), or the plain reply code as `5.0.0` when it has none. */
export function enhancedStatusOf(statusCode: number, response: string): string {
  return /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(response)?.[1] ?? `${Math.floor(statusCode / 100)}.0.0`;
}
