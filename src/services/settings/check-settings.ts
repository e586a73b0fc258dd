import { invalidField } from "../../domain/errors.js";
import { checkRoutingTarget } from "../../domain/routing/check-routing-rule.js";
import { validateCalendar } from "../../domain/sla/business-hours.js";
import type { Executor } from "../../store/engine.js";
import type { WorkspaceSettings } from "../../store/settings.js";
import { checkActivePeople } from "../routing-config/check-people.js";

/** Longest Slack webhook URL accepted; real ones are about 80 characters. */
const SLACK_URL_MAX_LENGTH = 500;

/** A Slack incoming webhook: https only, since the URL itself is the credential that posts to the channel. */
function checkSlackWebhookUrl(raw: string): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalidField("slackWebhookUrl", "must be an absolute https URL");
  }
  if (url.protocol !== "https:") throw invalidField("slackWebhookUrl", "must be an https URL");
  if (raw.length > SLACK_URL_MAX_LENGTH) throw invalidField("slackWebhookUrl", `must be at most ${SLACK_URL_MAX_LENGTH} characters`);
}

/** Settings that are credentials: the event log records only whether they are set. */
const SECRET_SETTINGS = ["calcomWebhookSecret", "calendlyWebhookSigningKey", "inboundEmailSecret"] as const;

/** A pasted secret with stray spaces would fail every signature check without saying why. */
function checkSecret(key: (typeof SECRET_SETTINGS)[number], value: string | null | undefined): void {
  if (typeof value === "string" && (value.trim() === "" || value.trim() !== value)) throw invalidField(key, "must not be blank or start or end with spaces");
}

/** Whether a setting is a credential (see `redactedSecret`). */
export function isSecretSetting(key: keyof WorkspaceSettings): key is (typeof SECRET_SETTINGS)[number] {
  return (SECRET_SETTINGS as readonly string[]).includes(key);
}

/**
 * Checks the settings a change sets: the business calendar can compute deadlines, the fallback
 * pool names active people, the Slack URL is https, and webhook secrets are not blank.
 */
export async function checkSettingsChanges(trx: Executor, changes: Partial<WorkspaceSettings>): Promise<void> {
  if (changes.businessCalendar) validateCalendar(changes.businessCalendar, "businessCalendar");
  if (changes.fallbackPool) {
    checkRoutingTarget(changes.fallbackPool, "fallbackPool");
    await checkActivePeople(trx, changes.fallbackPool.userIds, (index) => `fallbackPool.userIds.${index}`);
  }
  if (typeof changes.slackWebhookUrl === "string") checkSlackWebhookUrl(changes.slackWebhookUrl);
  for (const key of SECRET_SETTINGS) checkSecret(key, changes[key]);
  if (typeof changes.companyName === "string" && changes.companyName.trim() === "") throw invalidField("companyName", "must not be blank; send null to clear it");
}

/** The Slack URL as the event log keeps it: scheme and host only, because the path is the secret. */
export function redactedSlackUrl(url: string | null): string | null {
  if (url === null) return null;
  return URL.canParse(url) ? `${new URL(url).origin}/…` : "(set)";
}

/** A credential as the event log keeps it: "(set)" or null. */
export function redactedSecret(secret: string | null): string | null {
  return secret === null ? null : "(set)";
}
