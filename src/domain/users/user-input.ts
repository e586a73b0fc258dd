import { ROLES, type Role } from "../access/permission.js";
import { invalidField } from "../errors.js";

/** Longest name and email accepted for a person. */
export const USER_NAME_MAX_LENGTH = 200;
export const USER_EMAIL_MAX_LENGTH = 254;

/** Timezone given to people added without one. */
export const DEFAULT_USER_TIMEZONE = "UTC";

const EMAIL_PATTERN = /^[^\s@"<>()[\],;:]+@[^\s@"<>()[\],;:]+\.[^\s@"<>()[\],;:.]{2,}$/;

/** A login email: trimmed, lower-cased and shaped like an address; `invalid` naming `field` otherwise. */
export function normalizeUserEmail(raw: string, field = "email"): string {
  const email = raw.trim().toLowerCase();
  if (email.length > USER_EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(email)) throw invalidField(field, "must be an email address");
  return email;
}

/** A person's display name: trimmed, not empty, not too long. */
export function normalizeUserName(raw: string, field = "name"): string {
  const name = raw.trim().replace(/\s+/g, " ");
  if (name.length === 0) throw invalidField(field, "must not be empty");
  if (name.length > USER_NAME_MAX_LENGTH) throw invalidField(field, `must be at most ${USER_NAME_MAX_LENGTH} characters`);
  return name;
}

/** A role name, checked against the closed list. */
export function parseRole(raw: string, field = "role"): Role {
  if (!(ROLES as readonly string[]).includes(raw)) throw invalidField(field, `must be one of ${ROLES.join(", ")}`);
  return raw as Role;
}

/** An IANA timezone such as `Europe/Berlin`; SLA clocks and send windows are computed in it. */
export function parseTimezone(raw: string, field = "timezone"): string {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: raw }).resolvedOptions().timeZone;
  } catch {
    throw invalidField(field, "must be an IANA time zone such as Europe/Berlin");
  }
}
