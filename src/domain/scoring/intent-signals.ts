import type { LeadTextField, UtmField } from "../lead/lead.js";
import type { LeadEventType } from "../lead/lead-event.js";
import type { IntentSignalKind } from "./scoring-config.js";

/** One thing a lead did that intent rules can score. `details` are what a rule's `match` searches. */
export type IntentSignal = { kind: IntentSignalKind; at: number; details: string[] };

/** The part of a lead event signals are read from. */
export type SignalEvent = { type: string; actor: string; at: number; data: Record<string, unknown> };

/** Event types that can produce a signal (rescoring is scheduled only for these). */
export const SIGNAL_EVENT_TYPES: readonly string[] = ["created", "merged_duplicate", "activity", "replied", "meeting_booked", "meeting_held", "touch"] satisfies LeadEventType[];

/** Capture payload fields that say where a lead came from, under the names a capture accepts. */
const CAPTURE_ORIGIN_FIELDS = ["source", "campaign", "channel", "utmCampaign"] as const satisfies readonly (LeadTextField | UtmField)[];

const FORM_ACTOR_PREFIX = "form:";

function textsOf(values: readonly unknown[]): string[] {
  return values.filter((value): value is string => typeof value === "string" && value.trim() !== "");
}

/** A capture: the form it came through and the source, campaign, channel and UTM campaign it was sent with. */
function capturedDetails(event: SignalEvent): string[] {
  const payload = typeof event.data.payload === "object" && event.data.payload !== null ? (event.data.payload as Record<string, unknown>) : {};
  const formKey = event.actor.startsWith(FORM_ACTOR_PREFIX) ? event.actor.slice(FORM_ACTOR_PREFIX.length) : null;
  return [...new Set(textsOf([formKey, ...CAPTURE_ORIGIN_FIELDS.map((field) => payload[field])]))];
}

function signalOf(event: SignalEvent): IntentSignal | null {
  const signal = (kind: IntentSignalKind, details: string[] = []): IntentSignal => ({ kind, at: event.at, details });
  switch (event.type) {
    case "created":
    case "merged_duplicate":
      return signal("captured", capturedDetails(event));
    case "activity":
      return event.data.kind === "page_view" || event.data.kind === "content" ? signal(event.data.kind, textsOf([event.data.url, event.data.title])) : null;
    case "replied":
    case "meeting_booked":
    case "meeting_held":
      return signal(event.type);
    case "touch":
      return event.data.direction === "in" ? signal("inbound_touch") : null;
    default:
      return null;
  }
}

/** The intent signals in a lead's events, in event order: captures, website activity, replies, meetings and inbound touches. */
export function intentSignalsOf(events: readonly SignalEvent[]): IntentSignal[] {
  return events.map(signalOf).filter((signal): signal is IntentSignal => signal !== null);
}
