import { INITIAL_STAGE, type Lead } from "../../src/domain/lead/lead.js";
import type { User } from "../../src/domain/users/user.js";
import { REFERENCE_TIME } from "./engines.js";

/** A lead as the store holds it: every field empty unless overridden, created at REFERENCE_TIME. */
export function buildLead(overrides: Partial<Lead> & { id: string }): Lead {
  return {
    email: null,
    phone: null,
    firstName: null,
    lastName: null,
    company: null,
    title: null,
    country: null,
    source: null,
    campaign: null,
    channel: null,
    utm: { source: null, medium: null, campaign: null, term: null, content: null },
    message: null,
    custom: {},
    ownerId: null,
    stage: INITIAL_STAGE,
    isOptedOut: false,
    createdAt: REFERENCE_TIME,
    updatedAt: REFERENCE_TIME,
    ...overrides,
  };
}

/** A person as insertUsers takes one: an active rep named `id`, mailed at `${id}@team.test`, without a password, unless overridden. */
export function buildPerson(id: string, overrides: Partial<Omit<User, "id">> = {}): { user: User; passwordHash: null } {
  return { user: { id, email: `${id}@team.test`, name: id, role: "rep", timezone: "UTC", isActive: true, createdAt: 0, ...overrides }, passwordHash: null };
}
