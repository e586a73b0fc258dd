import { INITIAL_STAGE, type Lead } from "../../src/domain/lead/lead.js";
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
