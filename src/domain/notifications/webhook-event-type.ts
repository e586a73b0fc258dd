/**
 * Event types a webhook subscription can ask for. Later capabilities append theirs; a
 * subscription names the ones it wants and receives nothing else.
 */
export const WEBHOOK_EVENT_TYPES = [
  "lead.created",
  "lead.assigned",
  "lead.handed_off",
  "lead.sla_warning",
  "lead.sla_breached",
  "lead.stage_changed",
  "lead.won",
  "lead.lost",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Whether a string names a webhook event type. */
export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
