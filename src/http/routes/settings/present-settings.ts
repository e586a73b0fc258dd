import type { WorkspaceSettings } from "../../../store/settings.js";
import type { SettingsDtoType } from "./settings.schemas.js";

/**
 * Workspace settings as the API shows them; the Slack URL only to those who may change
 * settings, and webhook secrets to nobody (only whether they are set).
 */
export function presentSettings(settings: WorkspaceSettings, canManage: boolean): SettingsDtoType {
  const { repsSeeAllLeads, businessCalendar, fallbackPool, slackWebhookUrl } = settings;
  return {
    repsSeeAllLeads,
    businessCalendar,
    fallbackPool,
    ...(canManage ? { slackWebhookUrl } : {}),
    calcomWebhookSecretIsSet: settings.calcomWebhookSecret !== null,
    calendlyWebhookSigningKeyIsSet: settings.calendlyWebhookSigningKey !== null,
    companyName: settings.companyName,
    inboundEmailSecretIsSet: settings.inboundEmailSecret !== null,
    outOfOfficeResumeDays: settings.outOfOfficeResumeDays,
  };
}
