import type { Generated, Insertable, Selectable, Updateable } from "kysely";

/**
 * Row shapes as stored. Timestamps are epoch milliseconds. JSON columns are text on SQLite and
 * jsonb on PostgreSQL; read and write them through `engine.ts` (`toJsonColumn`, `fromJsonColumn`).
 */
export type Database = {
  users: UserTable;
  sessions: SessionTable;
  api_keys: ApiKeyTable;
  setup_tokens: SetupTokenTable;
  settings: SettingTable;
  leads: LeadTable;
  lead_match_keys: LeadMatchKeyTable;
  events: EventTable;
  idempotency_keys: IdempotencyKeyTable;
  forms: FormTable;
  timers: TimerTable;
  outbox: OutboxTable;
  routing_profiles: RoutingProfileTable;
  out_of_office: OutOfOfficeTable;
  sla_policies: SlaPolicyTable;
  routing_rules: RoutingRuleTable;
  routing_cursors: RoutingCursorTable;
  lead_sla: LeadSlaTable;
  webhook_subscriptions: WebhookSubscriptionTable;
  delivery_attempts: DeliveryAttemptTable;
  objections: ObjectionTable;
  objection_response_versions: ObjectionResponseVersionTable;
  proof_assets: ProofAssetTable;
  objection_logs: ObjectionLogTable;
  lead_pipeline: LeadPipelineTable;
  qualification_answers: QualificationAnswerTable;
  meetings: MeetingTable;
  campaign_promises: CampaignPromiseTable;
  mailboxes: MailboxTable;
  sequences: SequenceTable;
  sequence_enrolments: SequenceEnrolmentTable;
  sequence_messages: SequenceMessageTable;
  sequence_tasks: SequenceTaskTable;
  suppressions: SuppressionTable;
  inbound_messages: InboundMessageTable;
  playbooks: PlaybookTable;
  lead_scores: LeadScoreTable;
  scoring_models: ScoringModelTable;
  drift_alerts: DriftAlertTable;
};

export type UserTable = {
  id: string;
  email: string;
  name: string;
  role: "admin" | "manager" | "rep";
  password_hash: string | null;
  timezone: string;
  is_active: number;
  created_at: number;
};

export type SessionTable = {
  /** sha256 of the session token; the token itself lives only in the cookie. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
};

export type ApiKeyTable = {
  id: string;
  name: string;
  /** First characters of the key, shown in lists so people can tell keys apart. */
  prefix: string;
  /** sha256 of the whole key. */
  key_hash: string;
  /** JSON array of scopes. */
  scopes: unknown;
  created_by: string | null;
  created_at: number;
  revoked_at: number | null;
  last_used_at: number | null;
};

export type SetupTokenTable = {
  token_hash: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
};

export type SettingTable = {
  key: string;
  /** JSON value. */
  value: unknown;
  updated_at: number;
};

export type LeadTable = {
  id: string;
  email: string | null;
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  title: string | null;
  country: string | null;
  source: string | null;
  campaign: string | null;
  channel: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_term: string | null;
  utm_content: string | null;
  message: string | null;
  /** JSON object of fields the lead schema does not know. */
  custom: unknown;
  owner_id: string | null;
  stage: string;
  is_opted_out: number;
  /** Lower-cased name, email and company, for free-text search. */
  search_text: string;
  created_at: number;
  updated_at: number;
};

/** One row per identity a lead is known by (`email:…`, `phone:…`); the unique key makes de-duplication race-free. */
export type LeadMatchKeyTable = {
  match_key: string;
  lead_id: string;
};

export type EventTable = {
  id: Generated<number>;
  lead_id: string | null;
  type: string;
  /** `user:<id>`, `api_key:<id>`, `form:<key>`, `import`, or `system`. */
  actor: string;
  at: number;
  /** JSON object. */
  data: unknown;
};

export type IdempotencyKeyTable = {
  /** Caller's key, scoped by who sent it: `<actor>:<key>`. */
  key: string;
  /** sha256 of the request body; the same key with another body is a conflict. */
  request_hash: string;
  status_code: number;
  /** JSON response body. */
  response: unknown;
  created_at: number;
};

export type FormTable = {
  id: string;
  form_key: string;
  name: string;
  source: string | null;
  campaign: string | null;
  thank_you_url: string | null;
  is_active: number;
  created_at: number;
};

export type TimerTable = {
  id: string;
  /** Unique per pending piece of work, e.g. `sla:lead_123`; rescheduling replaces the row. */
  key: string;
  task: string;
  payload: unknown;
  run_at: number;
  attempts: number;
  locked_by: string | null;
  locked_until: number | null;
  last_error: string | null;
  status: "pending" | "dead";
  created_at: number;
};

export type OutboxTable = {
  id: string;
  key: string;
  channel: string;
  payload: unknown;
  available_at: number;
  attempts: number;
  locked_by: string | null;
  locked_until: number | null;
  last_error: string | null;
  status: "pending" | "delivered" | "dead";
  created_at: number;
  delivered_at: number | null;
  /** The webhook subscription a webhook message goes to (migration 0003); null for other channels. */
  subscription_id: string | null;
};

export type UserRow = Selectable<UserTable>;
export type LeadRow = Selectable<LeadTable>;
export type NewLeadRow = Insertable<LeadTable>;
export type LeadRowUpdate = Updateable<LeadTable>;
export type EventRow = Selectable<EventTable>;

/** How routing treats a person; a user without a row takes leads at any hour, without limit, weight 1. */
export type RoutingProfileTable = {
  user_id: string;
  /** JSON BusinessCalendar of their working hours; null: any hour. */
  working_hours: unknown;
  capacity: number | null;
  routing_weight: number;
  backup_user_id: string | null;
  manager_id: string | null;
  updated_at: number;
};

export type OutOfOfficeTable = {
  id: string;
  user_id: string;
  starts_at: number;
  ends_at: number;
  note: string | null;
  created_at: number;
};

export type SlaPolicyTable = {
  id: string;
  name: string;
  target_minutes: number;
  warning_share: number;
  clock: "business" | "wall";
  is_automated_response_enough: number;
  /** JSON EscalationStep[]. */
  escalation: unknown;
  is_default: number;
  created_at: number;
};

export type RoutingRuleTable = {
  id: string;
  name: string;
  position: number;
  /** JSON RoutingCondition[]. */
  conditions: unknown;
  /** JSON RoutingTarget. */
  target: unknown;
  sla_policy_id: string | null;
  /** The sequence the leads this rule routes are enrolled in; null: none. */
  sequence_id: string | null;
  is_active: number;
  created_at: number;
  updated_at: number;
};

export type RoutingCursorTable = {
  pool_key: string;
  /** JSON PoolCursor. */
  cursor: unknown;
  updated_at: number;
};

/** A lead's speed-to-lead clock. */
export type LeadSlaTable = {
  lead_id: string;
  policy_id: string;
  started_at: number;
  warn_at: number;
  due_at: number;
  first_response_at: number | null;
  /** running → met, or running → breached (→ met late). */
  status: "running" | "met" | "breached";
  updated_at: number;
};

export type WebhookSubscriptionTable = {
  id: string;
  url: string;
  /** Standard Webhooks secret, `whsec_` + base64. */
  secret: string;
  /** JSON array of event types, e.g. ["lead.created", "lead.assigned"]. */
  event_types: unknown;
  is_active: number;
  created_by: string | null;
  created_at: number;
};

export type DeliveryAttemptTable = {
  id: Generated<number>;
  outbox_id: string;
  attempt: number;
  at: number;
  outcome: "delivered" | "failed";
  status_code: number | null;
  error: string | null;
  duration_ms: number;
};

export type ObjectionTable = {
  id: string;
  name: string;
  category: "price" | "timing" | "authority" | "competition" | "trust" | "need";
  is_active: number;
  created_at: number;
  updated_at: number;
};

export type ObjectionResponseVersionTable = {
  id: string;
  objection_id: string;
  response_id: string;
  version: number;
  text: string;
  created_at: number;
};

export type ProofAssetTable = {
  id: string;
  kind: "case_study" | "testimonial" | "roi_example";
  title: string;
  url: string;
  /** JSON `{ objectionIds, industries, stages }`. */
  tags: unknown;
  created_at: number;
  updated_at: number;
};

export type ObjectionLogTable = {
  id: string;
  lead_id: string;
  objection_id: string;
  response_version_id: string | null;
  notes: string | null;
  actor: string;
  logged_at: number;
};

/** A lead's place in the pipeline; no row means it is still as captured (stage entered at creation). */
export type LeadPipelineTable = {
  lead_id: string;
  stage_entered_at: number;
  qualification_status: "unqualified" | "in_progress" | "qualified" | "disqualified";
  disqualification_reason: string | null;
  disqualification_note: string | null;
  /** "Why now": what waiting costs the buyer. */
  cost_of_inaction: string | null;
  next_step_action: string | null;
  next_step_due_at: number | null;
  next_step_owner_id: string | null;
  next_step_set_at: number | null;
  /** scheduled → due (reminder sent) → overdue; null when there is no next step. */
  next_step_status: "scheduled" | "due" | "overdue" | null;
  /** Deal value in minor currency units: the proposal amount, then the won amount. */
  value_cents: number | null;
  proposal_amount_cents: number | null;
  proposal_sent_at: number | null;
  is_expectation_mismatch: number;
  lost_reason: string | null;
  lost_note: string | null;
  /** When the lead was won, lost or disqualified; null while open. */
  closed_at: number | null;
  /** The lead wrote in and nobody has answered yet. */
  reply_waiting_since: number | null;
  updated_at: number;
};

export type QualificationAnswerTable = {
  lead_id: string;
  /** Key of a qualification criterion in the pipeline configuration. */
  criterion: string;
  answer: "yes" | "no" | "unknown";
  notes: string | null;
  /** Actor string of who answered. */
  answered_by: string;
  answered_at: number;
};

export type MeetingTable = {
  id: string;
  lead_id: string;
  provider: "manual" | "calcom" | "calendly";
  /** The provider's booking id (Cal.com uid, Calendly invitee URI); null for manual meetings. */
  external_id: string | null;
  title: string | null;
  starts_at: number;
  ends_at: number | null;
  status: "booked" | "held" | "no_show" | "canceled";
  readiness_understands_problem: number | null;
  readiness_understands_approach: number | null;
  readiness_ready_to_evaluate: number | null;
  readiness_notes: string | null;
  readiness_answered_by: string | null;
  readiness_answered_at: number | null;
  created_at: number;
  updated_at: number;
};

export type CampaignPromiseTable = {
  campaign: string;
  /** The price the campaign anchored, minor currency units. */
  price_anchor_cents: number | null;
  /** The timeline the campaign promised, days. */
  timeline_days: number | null;
  notes: string | null;
  updated_at: number;
};

/** A user's own mailbox: sequence email goes out through its SMTP server and replies come in over its IMAP. */
export type MailboxTable = {
  user_id: string;
  from_name: string | null;
  from_address: string;
  /** Secret: `smtp://user:pass@host:587` or `smtps://…`. Never returned by the API. */
  smtp_url: string;
  /** Secret: `imap://user:pass@host:143` or `imaps://…:993`; null: replies only through the inbound endpoint. */
  imap_url: string | null;
  hourly_limit: number;
  daily_limit: number;
  /** IMAP UIDVALIDITY seen at the last poll; a change means the UIDs restarted. */
  imap_uid_validity: number | null;
  /** Highest IMAP UID handled. */
  imap_last_uid: number | null;
  imap_checked_at: number | null;
  /** Why the last poll failed; null after a good one. */
  imap_error: string | null;
  created_at: number;
  updated_at: number;
};

export type SequenceTable = {
  id: string;
  name: string;
  purpose: "follow_up" | "nurture";
  /** JSON SequenceStep[]. */
  steps: unknown;
  /** Where a lead goes when this sequence ends without a reply. */
  nurture_sequence_id: string | null;
  /** Nurture sequences: after the last step, start over this many days later; null: end. */
  repeat_every_days: number | null;
  is_archived: number;
  created_at: number;
  updated_at: number;
};

export type SequenceEnrolmentTable = {
  id: string;
  lead_id: string;
  sequence_id: string;
  status: "active" | "paused" | "finished" | "stopped";
  /** Nurture sequences repeat: 0 on the first pass, then 1, 2, … */
  cycle: number;
  /** The step the next timer runs. */
  next_step_index: number;
  /** Day 0 of the current cycle: step offsets count from here. */
  anchor_at: number;
  /** When the next step is planned to run (inside its send window); null once ended. */
  next_send_at: number | null;
  /** A paused enrolment resumes by itself at this time (out-of-office); null: only by hand. */
  paused_until: number | null;
  pause_reason: string | null;
  stop_reason: string | null;
  /** Message-ID of the first email sent, for threading follow-ups. */
  thread_message_id: string | null;
  /** Message-ID of the latest email sent (In-Reply-To of the next). */
  last_message_id: string | null;
  enrolled_via: "manual" | "routing_rule" | "playbook" | "nurture";
  enrolled_by: string;
  enrolled_at: number;
  ended_at: number | null;
  updated_at: number;
};

export type SequenceMessageTable = {
  id: string;
  enrolment_id: string;
  lead_id: string;
  cycle: number;
  step_index: number;
  mailbox_user_id: string;
  to_address: string;
  /** `<id@domain>`, recorded before sending: replies are matched on it. */
  message_id: string;
  in_reply_to: string | null;
  subject: string;
  body_text: string;
  /** queued → sent, or suppressed (checked at the moment of sending), or failed (the server refused it). */
  status: "queued" | "sent" | "suppressed" | "failed";
  status_detail: string | null;
  /** The send window closes here: past it the message waits for the next window. */
  window_ends_at: number;
  queued_at: number;
  sent_at: number | null;
};

/** A manual step (call, LinkedIn, SMS by hand) due in the owner's queue. */
export type SequenceTaskTable = {
  id: string;
  enrolment_id: string;
  lead_id: string;
  owner_id: string | null;
  cycle: number;
  step_index: number;
  channel: "call" | "linkedin" | "sms";
  instructions: string;
  due_at: number;
  done_at: number | null;
  done_by: string | null;
};

/** Addresses and domains no message may ever go to. Opt-outs are permanent. */
export type SuppressionTable = {
  /** Lower-cased address (`ann@example.com`) or domain (`example.com`). */
  value: string;
  kind: "address" | "domain";
  reason: "opted_out" | "bounced" | "manual";
  lead_id: string | null;
  note: string | null;
  created_by: string;
  created_at: number;
};

/** Inbound mail handled once: a repeated poll or webhook delivery of the same message changes nothing. */
export type InboundMessageTable = {
  id: string;
  /** The Message-ID, or a hash of the raw message when it has none. */
  dedupe_key: string;
  message_id: string | null;
  via: "imap" | "webhook";
  mailbox_user_id: string | null;
  from_address: string | null;
  subject: string | null;
  kind: "reply" | "auto_reply" | "out_of_office" | "bounce" | "unmatched";
  lead_id: string | null;
  enrolment_id: string | null;
  received_at: number;
};

/** What to do with leads of one intent level (optionally from one source). */
export type PlaybookTable = {
  id: string;
  name: string;
  intent_level: "high" | "medium" | "low";
  /** Null: any source; a playbook for the lead's own source wins over one without. */
  source: string | null;
  sla_policy_id: string | null;
  sequence_id: string | null;
  stage_guidance: string | null;
  created_at: number;
  updated_at: number;
};

/** A lead's current score; its history is the `scored` events. */
export type LeadScoreTable = {
  lead_id: string;
  /** 0–100: the rule score blended with the model's probability when a model is in use. */
  score: number;
  fit_score: number;
  intent_score: number;
  rule_score: number;
  model_probability: number | null;
  model_version: number | null;
  bucket: "hot" | "warm" | "cold" | "unqualified";
  intent_level: "high" | "medium" | "low";
  playbook_id: string | null;
  /** The contributions behind the score, largest first (`ScoreContribution[]`). */
  contributions: unknown;
  scored_at: number;
};

/** A model trained on the workspace's closed leads; the newest is the one in use. */
export type ScoringModelTable = {
  version: number;
  trained_at: number;
  trained_by: string;
  /** `TrainedModel`: feature encoding, intercept and weights. */
  model: unknown;
  /** `ModelReport`: cross-validated AUC, Brier score, reliability table, weights in words. */
  report: unknown;
  closed_count: number;
  win_count: number;
};

/** Drift alerts already raised: the key makes each fire once. */
export type DriftAlertTable = {
  key: string;
  kind: "bucket_close_rate" | "criterion_separation";
  subject: string;
  /** `YYYY-MM`, the month the alert is about. */
  month: string;
  message: string;
  numbers: unknown;
  detected_at: number;
};
