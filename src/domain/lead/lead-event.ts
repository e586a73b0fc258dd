/**
 * Event types. The log is the source of every metric, so types are a closed list; later
 * capabilities add theirs here.
 */
export type LeadEventType = "created" | "merged_duplicate" | "assigned" | "note" | "form_created" | "form_changed" | AccessEventType;

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
