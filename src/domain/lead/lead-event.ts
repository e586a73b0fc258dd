/**
 * Event types. The log is the source of every metric, so types are a closed list; later
 * capabilities add theirs here.
 */
export type LeadEventType = "created" | "merged_duplicate" | "assigned" | "note" | "form_created" | "form_changed" | AccessEventType | OwnershipEventType | WorkEventType | ObjectionEventType | PipelineEventType | SequenceEventType | ScoringEventType;

/** Ownership and speed to lead: who owns a lead, and whether they answered in time. */
export type OwnershipEventType =
  /** Routing found nobody available; the lead waits in the unassigned queue. */
  | "unassigned"
  | "handed_off"
  | "sla_started"
  | "sla_warned"
  | "sla_breached"
  | "sla_met"
  | "escalated"
  /** A contact attempt: call, email, SMS, LinkedIn or meeting, in or out. */
  | "touch"
  | "routing_rule_saved"
  | "routing_rule_deleted"
  | "sla_policy_saved"
  | "availability_changed";

/** The objection catalog and objections raised on leads. */
export type ObjectionEventType =
  /** A rep logged an objection on a lead, with the response version used (the link for win rates). */
  | "objection_logged"
  /** An objection, response wording or proof asset was added or changed (`lead_id` null). */
  | "objection_catalog_changed";

/** The documented sales process: stages, qualification, next steps, meetings, proposals and outcomes. */
export type PipelineEventType =
  /** Stages, qualification criteria or reasons were reconfigured (`lead_id` null). */
  | "pipeline_changed"
  /** What a campaign promised (price anchor, timeline) was set or cleared (`lead_id` null). */
  | "campaign_promise_saved"
  /** `{ from, to, fromMilestone, toMilestone, checkedItems, missingItems, isChecklistOverridden }` */
  | "stage_changed"
  /** `{ amountCents, source, campaign }` */
  | "won"
  /** `{ reason, reasonLabel, note, source, campaign }` */
  | "lost"
  /** A won or lost lead moved back into an open stage: `{ from, to }`. Its outcome is open again. */
  | "reopened"
  /** `{ amountCents, sentAt, priceAnchorCents, deviationPercent, isExpectationMismatch }` */
  | "proposal_sent"
  | "next_step_set"
  | "next_step_rescheduled"
  | "next_step_done"
  /** The reminder fired: the next step is due now. */
  | "next_step_due"
  | "next_step_overdue"
  /** `{ answers: [{ criterion, answer, notes }], costOfInaction, status }` */
  | "qualification_answered"
  | "qualified"
  /** `{ reason, reasonLabel, note, source, campaign }` */
  | "disqualified"
  | "requalified"
  /** `{ meetingId, provider, startsAt, isFirst }` */
  | "meeting_booked"
  | "meeting_rescheduled"
  | "meeting_held"
  | "no_show"
  | "meeting_canceled"
  /** After a first meeting: `{ meetingId, understandsProblem, understandsApproach, readyToEvaluate, beliefDebt }` */
  | "readiness_checked";

/** Follow-up sequences, the email they send and the mail that comes back. */
export type SequenceEventType =
  /** A sequence was created or changed (`lead_id` null): `{ sequenceId, name }`. */
  | "sequence_saved"
  | "sequence_archived"
  /** `{ enrolmentId, sequenceId, sequenceName, via: manual | routing_rule | playbook | nurture }` */
  | "enrolled"
  /** `{ enrolmentId, reason, until }`: by hand, out-of-office (until its return date), no mailbox, a template error. */
  | "sequence_paused"
  | "sequence_resumed"
  /** `{ enrolmentId, reason }`: replied, meeting_booked, won, lost, disqualified, opted_out, bounced, manual, re-enrolled. */
  | "sequence_stopped"
  /** Every step ran without a reply: `{ enrolmentId, nurtureSequenceId }`. */
  | "sequence_finished"
  /** `{ enrolmentId, sequenceMessageId, messageId, stepIndex, cycle, to, subject, mailboxUserId }` on SMTP acceptance. */
  | "message_sent"
  /** A queued message was not sent: its address was suppressed or the enrolment ended meanwhile. */
  | "message_suppressed"
  /** The mail server refused the message for good. */
  | "message_failed"
  /** A manual step (call, LinkedIn, SMS) is due in the owner's queue: `{ taskId, channel, instructions }`. */
  | "sequence_task_due"
  | "sequence_task_done"
  /** The lead wrote back: `{ messageId, inReplyTo, via: imap | webhook, subject }`. */
  | "replied"
  /** An automatic answer (out-of-office or other) that is not a reply: `{ isOutOfOffice, returnsAt }`. */
  | "auto_replied"
  /** `{ address, via: one_click | page | reply | manual }`: permanent, every send checks it. */
  | "opted_out"
  /** A delivery status notification said the address does not exist: `{ address, status, diagnostic }`. */
  | "bounced"
  /** A user's mailbox was set, changed or removed (`lead_id` null; no secrets in the data). */
  | "mailbox_saved"
  /** An address or domain was added to or removed from the suppression list (`lead_id` null unless about a lead). */
  | "suppression_added"
  | "suppression_removed";

/** Scoring, playbooks, the learned model and drift. */
export type ScoringEventType =
  /** A lead's score changed: `{ score, fitScore, intentScore, ruleScore, modelProbability, modelVersion, bucket, intentLevel, previousScore, previousBucket, top }`. */
  | "scored"
  /** Website or content activity: `{ kind: page_view | content, url, title }`. */
  | "activity"
  /** A playbook started on a lead: `{ playbookId, name, intentLevel, previousPlaybookId, reason: capture | intent_changed, slaPolicyId, sequenceId }`. */
  | "playbook_applied"
  /** The scoring rules or thresholds changed (`lead_id` null). */
  | "scoring_config_saved"
  /** A playbook was created, changed or deleted (`lead_id` null): `{ playbookId, name }`. */
  | "playbook_saved"
  | "playbook_deleted"
  /** A model was trained (`lead_id` null): `{ version, auc, brier, closed, wins }`. */
  | "model_trained"
  /** A bucket's close rate left its band, or a criterion stopped separating wins from losses (`lead_id` null). */
  | "drift_detected";

/** Webhook subscriptions and the worker's dead work (`lead_id` null unless the work was about a lead). */
export type WorkEventType =
  | "webhook_created"
  | "webhook_changed"
  | "webhook_deleted"
  /** A timer or outbox message used up its attempts (or failed permanently) and waits for a person. */
  | "work_dead"
  /** Someone sent dead work back to the worker. */
  | "work_retried";

/** Workspace events about people and access (`lead_id` null): the audit trail of who may do what. */
export type AccessEventType =
  | "setup_started"
  | "setup_completed"
  | "user_created"
  | "user_changed"
  | "user_logged_in"
  | "user_logged_out"
  | "api_key_created"
  | "api_key_revoked"
  | "settings_changed";

/** Who caused an event: `user:<id>`, `api_key:<id>`, `form:<key>`, `import`, `demo` or `system`. */
export type Actor = string;

export type NewLeadEvent = {
  leadId: string | null;
  type: LeadEventType;
  actor: Actor;
  at: number;
  data: Record<string, unknown>;
};

export type LeadEvent = Omit<NewLeadEvent, "type"> & { id: number; type: string };
