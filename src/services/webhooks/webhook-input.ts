import { invalidField } from "../../domain/errors.js";
import { isWebhookEventType, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "../../domain/notifications/webhook-event-type.js";

/** Longest URL accepted: far above real endpoints, low enough to keep the delivery log readable. */
export const WEBHOOK_URL_MAX_LENGTH = 2000;

/** Checks an endpoint URL: absolute http(s), no credentials in it (they would show in lists and logs). */
export function parseWebhookUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalidField("url", "must be an absolute http or https URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw invalidField("url", `must be an http or https URL, not ${url.protocol.replace(":", "")}`);
  if (url.username || url.password) throw invalidField("url", "must not contain a user name or password; receivers verify the signature instead");
  if (url.href.length > WEBHOOK_URL_MAX_LENGTH) throw invalidField("url", `must be at most ${WEBHOOK_URL_MAX_LENGTH} characters`);
  return url.href;
}

/** Checks the event types a subscription asks for: at least one, each known; duplicates dropped. */
export function parseEventTypes(raw: readonly string[]): WebhookEventType[] {
  if (raw.length === 0) throw invalidField("eventTypes", `must name at least one of ${WEBHOOK_EVENT_TYPES.join(", ")}`);
  const unknown = raw.find((type) => !isWebhookEventType(type));
  if (unknown !== undefined) throw invalidField("eventTypes", `"${unknown}" is not one of ${WEBHOOK_EVENT_TYPES.join(", ")}`);
  return [...new Set(raw as WebhookEventType[])];
}
