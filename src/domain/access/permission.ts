/** Roles a person can have in the workspace. */
export type Role = "admin" | "manager" | "rep";

export const ROLES: readonly Role[] = ["admin", "manager", "rep"];

/** Scopes an API key can carry: `leads:write` may only send leads in; `admin` may do everything. */
export type ApiKeyScope = "leads:write" | "admin";

export const API_KEY_SCOPES: readonly ApiKeyScope[] = ["leads:write", "admin"];

/** Who is making a request, as far as access rules care. */
export type Principal =
  | { kind: "user"; userId: string; role: Role }
  | { kind: "api_key"; apiKeyId: string; scopes: readonly ApiKeyScope[] };

/** Everything a route can require. */
export type Permission =
  /** Send leads in (capture, batch). */
  | "leads:capture"
  /** Read leads (a rep: only the ones they may see, see `leadVisibility`). */
  | "leads:read"
  /** Work leads: log touches, hand off (a rep: only the ones they may see). */
  | "leads:work"
  /** Configure routing rules, SLA policies and people's availability. */
  | "routing:manage"
  /** Edit the objection catalog: objections, response wordings and proof assets. */
  | "catalog:manage"
  /** Configure the pipeline: stages, qualification criteria, reasons, campaign promises. */
  | "pipeline:manage"
  /** Build sequences, manage the suppression list and everyone's mailboxes. */
  | "sequences:manage"
  /** Edit scoring rules and playbooks, train the model. */
  | "scoring:manage"
  /** See the team: users list. */
  | "users:read"
  /** Add, change and deactivate users. */
  | "users:manage"
  /** Create and revoke API keys. */
  | "api_keys:manage"
  /** Create and change capture forms. */
  | "forms:manage"
  /** Change workspace settings. */
  | "settings:manage"
  /** Create, change and delete webhook subscriptions; read their delivery log. */
  | "webhooks:manage"
  /** See dead timers and outbox messages and send them back to the worker. */
  | "work:manage";

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ["leads:capture", "leads:read", "leads:work", "routing:manage", "catalog:manage", "pipeline:manage", "sequences:manage", "scoring:manage", "users:read", "users:manage", "api_keys:manage", "forms:manage", "settings:manage", "webhooks:manage", "work:manage"],
  manager: ["leads:capture", "leads:read", "leads:work", "routing:manage", "catalog:manage", "pipeline:manage", "sequences:manage", "scoring:manage", "users:read", "forms:manage"],
  rep: ["leads:capture", "leads:read", "leads:work", "users:read"],
};

const SCOPE_PERMISSIONS: Record<ApiKeyScope, readonly Permission[]> = {
  "leads:write": ["leads:capture"],
  admin: ROLE_PERMISSIONS.admin,
};

/** Whether the principal holds the permission. */
export function hasPermission(principal: Principal, permission: Permission): boolean {
  if (principal.kind === "user") return ROLE_PERMISSIONS[principal.role].includes(permission);
  return principal.scopes.some((scope) => SCOPE_PERMISSIONS[scope].includes(permission));
}

/** Which leads a principal may see: all, or only those it owns. */
export type LeadVisibility = { kind: "all" } | { kind: "owned_by"; userId: string };

/** Reps see their own leads unless the workspace setting `repsSeeAllLeads` widens it. */
export function leadVisibility(principal: Principal, repsSeeAllLeads: boolean): LeadVisibility {
  if (principal.kind === "user" && principal.role === "rep" && !repsSeeAllLeads) return { kind: "owned_by", userId: principal.userId };
  return { kind: "all" };
}

/** The event actor string for a principal. */
export function actorOf(principal: Principal): string {
  return principal.kind === "user" ? `user:${principal.userId}` : `api_key:${principal.apiKeyId}`;
}
