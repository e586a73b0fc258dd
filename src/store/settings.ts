import type { RoutingTarget } from "../domain/routing/routing-rule.js";
import { DEFAULT_PIPELINE, type PipelineConfig } from "../domain/pipeline/pipeline-config.js";
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from "../domain/scoring/scoring-config.js";
import { type BusinessCalendar, OFFICE_HOURS } from "../domain/sla/business-hours.js";
import { type Executor, fromJsonColumn, toJsonColumn } from "./engine.js";

/** Workspace settings and their defaults. */
export type WorkspaceSettings = {
  /** Reps see every lead, not just the ones they own. */
  repsSeeAllLeads: boolean;
  /** The team's open hours and holidays: business-time SLAs count only these. */
  businessCalendar: BusinessCalendar;
  /** Where leads go when no routing rule matches or nobody in its pool is available; null: unassigned. */
  fallbackPool: RoutingTarget | null;
  /** Slack incoming webhook for team notifications; null: no Slack. */
  slackWebhookUrl: string | null;
  /** Stages, qualification criteria and reasons; changed only through the pipeline service. */
  pipeline: PipelineConfig;
  /** The secret Cal.com signs booking webhooks with (`X-Cal-Signature-256`); null: Cal.com deliveries are refused. */
  calcomWebhookSecret: string | null;
  /** The signing key Calendly signs booking webhooks with (`Calendly-Webhook-Signature`); null: Calendly deliveries are refused. */
  calendlyWebhookSigningKey: string | null;
  /** The company's name as sequence emails say it (`{{ company.name }}`); null: templates that use it cannot be saved. */
  companyName: string | null;
  /** The secret a mail provider sends with forwarded inbound mail (`/api/v1/inbound/email`); null: the endpoint refuses mail. */
  inboundEmailSecret: string | null;
  /** An out-of-office reply without a readable return date pauses the lead's sequence this many days. */
  outOfOfficeResumeDays: number;
  /** Fit and intent rules, thresholds and the model's share; changed only through the scoring service. */
  scoring: ScoringConfig;
};

export const DEFAULT_SETTINGS: WorkspaceSettings = {
  repsSeeAllLeads: false,
  businessCalendar: { timezone: "UTC", weeklyHours: OFFICE_HOURS, holidays: [] },
  fallbackPool: null,
  slackWebhookUrl: null,
  pipeline: DEFAULT_PIPELINE,
  calcomWebhookSecret: null,
  calendlyWebhookSigningKey: null,
  companyName: null,
  inboundEmailSecret: null,
  outOfOfficeResumeDays: 7,
  scoring: DEFAULT_SCORING_CONFIG,
};

/** Reads all workspace settings, with defaults for those never set. */
export async function readSettings(db: Executor): Promise<WorkspaceSettings> {
  const rows = await db.selectFrom("settings").select(["key", "value"]).execute();
  const stored = Object.fromEntries(rows.map((row) => [row.key, fromJsonColumn<{ value: unknown }>(row.value).value]));
  return { ...DEFAULT_SETTINGS, ...stored } as WorkspaceSettings;
}

/** Writes one workspace setting. */
export async function writeSetting<K extends keyof WorkspaceSettings>(db: Executor, key: K, value: WorkspaceSettings[K], at: number): Promise<void> {
  const json = toJsonColumn({ value });
  await db
    .insertInto("settings")
    .values({ key, value: json, updated_at: at })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: json, updated_at: at }))
    .execute();
}
