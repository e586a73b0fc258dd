import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { captureLead } from "../src/services/capture-leads.js";
import { createUser } from "../src/services/users/create-user.js";
import { openSession } from "../src/services/auth/open-session.js";
import { SESSION_COOKIE } from "../src/http/auth/session-cookie.js";
import { isoOf } from "../src/http/instants.js";
import { findLeadById, updateLead } from "../src/store/leads.js";
import { claimDueTimers, failTimer, scheduleTimer } from "../src/store/timers.js";
import { createWebhook } from "../src/services/webhooks/create-webhook.js";
import { createObjection } from "../src/services/objections/create-objection.js";
import { createProofAsset } from "../src/services/objections/create-proof-asset.js";
import { DEFAULT_PIPELINE } from "../src/domain/pipeline/pipeline-config.js";
import { recordCampaignPromise } from "../src/services/pipeline/record-campaign-promise.js";
import { setNextStep } from "../src/services/next-steps/set-next-step.js";
import { disqualifyLead } from "../src/services/qualification/disqualify-lead.js";
import { addOutOfOffice } from "../src/services/routing-config/add-out-of-office.js";
import { createRoutingRule } from "../src/services/routing-config/create-routing-rule.js";
import { readRoutingRules } from "../src/services/routing-config/read-routing-config.js";
import { bookMeeting } from "../src/services/meetings/book-meeting.js";
import { recordMeetingOutcome } from "../src/services/meetings/record-meeting-outcome.js";
import { writeSetting } from "../src/store/settings.js";
import { unsubscribeUrlOf } from "../src/services/unsubscribe/unsubscribe-link.js";
import { calcomSignature, calendlySignature, schedulingFixtureJson } from "./support/scheduling-fixtures.js";
import { createFollowUp, giveMailbox, leadInSequence, openCallTask, TWO_STEPS_INPUT } from "./support/follow-up-fixtures.js";
import { addSuppression } from "../src/services/suppressions/add-suppression.js";
import { listEnrolmentsOfLead } from "../src/store/sequence-enrolments.js";
import { ENGINES } from "./support/engines.js";
import { DEFAULT_SCORING_CONFIG } from "../src/domain/scoring/scoring-config.js";
import { createPlaybook } from "../src/services/playbooks/create-playbook.js";
import { visitorTokenFor } from "../src/services/scoring/visitor-tokens.js";
import { createTestApp, TEST_PASSWORD, type TestApp, type TestCallers } from "./support/http.js";

/** Who knocks, in the column order of the table below. */
const CALLERS = ["anonymous", "rep", "manager", "admin", "leadsWriteKey"] as const;
type Caller = (typeof CALLERS)[number];

/** Rows and ids the requests refer to, made once per app. */
type Fixture = { repLeadId: string; otherRepLeadId: string; formId: string; formKey: string; spareUserId: string; spareApiKeyId: string; webhookId: string; ruleId: string };

type MatrixRequest = { url?: string; payload?: object | string; headers?: Record<string, string> };

type MatrixRow = {
  /** `METHOD url` exactly as Fastify registered it (`::` is an escaped colon). */
  route: string;
  /** Expected status per caller, in CALLERS order: anonymous, rep, manager, admin, leads:write key. */
  statuses: readonly [number, number, number, number, number];
  /** The request to send; default: the route's url with no body. Must be valid, so only access decides. */
  request?: (fixture: Fixture, caller: Caller, t: TestApp) => MatrixRequest | Promise<MatrixRequest>;
};

let serial = 0;
const unique = (caller: Caller) => `${caller.toLowerCase()}-${++serial}`;

/**
 * Every route the app serves × every kind of caller → the status they get. Adding a route means
 * adding a row here; the first test fails until you do.
 */
const MATRIX: MatrixRow[] = [
  //                                                       anon  rep  mgr admin key
  { route: "GET /api/openapi.json",                statuses: [200, 200, 200, 200, 200] },
  { route: "GET /api/health",                      statuses: [200, 200, 200, 200, 200] },
  { route: "GET /*",                               statuses: [200, 200, 200, 200, 200], request: () => ({ url: "/leads/some-lead" }) },
  { route: "POST /api/v1/leads",                   statuses: [401, 201, 201, 201, 201], request: (_f, c) => ({ payload: { email: `${unique(c)}@lead.example` } }) },
  { route: "POST /api/v1/leads::batch",            statuses: [401, 200, 200, 200, 200], request: (_f, c) => ({ url: "/api/v1/leads:batch", payload: { items: [{ email: `${unique(c)}@lead.example` }] } }) },
  { route: "GET /api/v1/leads",                    statuses: [401, 200, 200, 200, 403] },
  { route: "GET /api/v1/leads/:id",                statuses: [401, 200, 200, 200, 403], request: (f) => ({ url: `/api/v1/leads/${f.repLeadId}` }) },
  { route: "POST /api/v1/leads/:id/touches",       statuses: [401, 201, 201, 201, 403], request: (f) => ({ url: `/api/v1/leads/${f.repLeadId}/touches`, payload: { channel: "call", direction: "out" } }) },
  { route: "GET /api/v1/leads/:id/handoff-draft",  statuses: [401, 200, 200, 200, 403], request: (f) => ({ url: `/api/v1/leads/${f.repLeadId}/handoff-draft` }) },
  // A fresh lead of the rep's per caller, since a handoff moves it away.
  { route: "POST /api/v1/leads/:id/handoffs",      statuses: [401, 201, 201, 201, 403], request: async (_f, c, t) => ({ url: `/api/v1/leads/${await leadOwnedBy(t, t.as.rep.userId, `${unique(c)}@handoff.example`)}/handoffs`, payload: { toUserId: t.as.otherRep.userId } }) },
  { route: "GET /api/v1/queue",                    statuses: [401, 200, 200, 200, 403] },
  { route: "GET /api/v1/attention",                statuses: [401, 200, 200, 200, 403] },
  { route: "GET /api/v1/pipeline/board",           statuses: [401, 200, 200, 200, 403] },
  { route: "GET /api/v1/leads/:id/pipeline",       statuses: [401, 200, 200, 200, 403], request: (f) => ({ url: `/api/v1/leads/${f.repLeadId}/pipeline` }) },
  { route: "POST /api/v1/leads/:id/objections",    statuses: [401, 201, 201, 201, 403], request: async (f, c, t) => ({ url: `/api/v1/leads/${f.repLeadId}/objections`, payload: { objectionId: await objectionId(t, c) } }) },
  { route: "GET /api/v1/leads/:id/objection-suggestions", statuses: [401, 200, 200, 200, 403], request: async (f, c, t) => ({ url: `/api/v1/leads/${f.repLeadId}/objection-suggestions?objectionId=${await objectionId(t, c)}` }) },
  // A fresh lead of the rep's per caller for each pipeline write, since a move or a proposal changes it.
  { route: "POST /api/v1/leads/:id/stage",          statuses: [401, 200, 200, 200, 403], request: async (_f, c, t) => ({ url: `/api/v1/leads/${await leadOwnedBy(t, t.as.rep.userId, `${unique(c)}@stage.example`)}/stage`, payload: { stage: "contacted", checkedItems: ["first_contact"], nextStep: { action: "Book the discovery call", dueAt: isoOf(t.ctx.clock.now() + 3_600_000) } } }) },
  { route: "POST /api/v1/leads/:id/proposal",       statuses: [401, 201, 201, 201, 403], request: async (_f, c, t) => ({ url: `/api/v1/leads/${await leadOwnedBy(t, t.as.rep.userId, `${unique(c)}@proposal.example`)}/proposal`, payload: { amount: 12500.5 } }) },
  { route: "PUT /api/v1/leads/:id/next-step",      statuses: [401, 200, 200, 200, 403], request: (f, _c, t) => ({ url: `/api/v1/leads/${f.repLeadId}/next-step`, payload: { action: "Call back", dueAt: isoOf(t.ctx.clock.now() + 3_600_000) } }) },
  // The rep's lead gets a next step before each caller's request, so there is one to complete.
  { route: "POST /api/v1/leads/:id/next-step/done", statuses: [401, 200, 200, 200, 403], request: async (f, _c, t) => ({ url: `/api/v1/leads/${await withNextStep(t, f.repLeadId)}/next-step/done`, payload: { outcome: "Reached them" } }) },
  { route: "GET /api/v1/leads/:id/qualification",  statuses: [401, 200, 200, 200, 403], request: (f) => ({ url: `/api/v1/leads/${f.repLeadId}/qualification` }) },
  { route: "PUT /api/v1/leads/:id/qualification",  statuses: [401, 200, 200, 200, 403], request: (f) => ({ url: `/api/v1/leads/${f.repLeadId}/qualification`, payload: { answers: [{ criterion: "budget", answer: "yes" }] } }) },
  // A fresh lead of the rep's per caller, since disqualifying closes it.
  { route: "POST /api/v1/leads/:id/disqualify",    statuses: [401, 200, 200, 200, 403], request: async (_f, c, t) => ({ url: `/api/v1/leads/${await leadOwnedBy(t, t.as.rep.userId, `${unique(c)}@disqualify.example`)}/disqualify`, payload: { reason: "spam" } }) },
  { route: "POST /api/v1/leads/:id/requalify",     statuses: [401, 200, 200, 200, 403], request: async (_f, c, t) => ({ url: `/api/v1/leads/${await disqualifiedLead(t, c)}/requalify` }) },
  { route: "GET /api/v1/reports/outcome-reasons",  statuses: [401, 403, 200, 200, 403] },
  { route: "POST /api/v1/leads/:id/meetings",      statuses: [401, 201, 201, 201, 403], request: (f, _c, t) => ({ url: `/api/v1/leads/${f.repLeadId}/meetings`, payload: { startsAt: isoOf(t.ctx.clock.now() + 3_600_000) } }) },
  { route: "GET /api/v1/leads/:id/meetings",       statuses: [401, 200, 200, 200, 403], request: (f) => ({ url: `/api/v1/leads/${f.repLeadId}/meetings` }) },
  // A fresh meeting per caller, since an outcome settles it (and the readiness check needs a held one).
  { route: "POST /api/v1/meetings/:id/outcome",    statuses: [401, 200, 200, 200, 403], request: async (f, _c, t) => ({ url: `/api/v1/meetings/${await meetingOf(t, f.repLeadId, "booked")}/outcome`, payload: { status: "held" } }) },
  { route: "POST /api/v1/meetings/:id/readiness",  statuses: [401, 200, 200, 200, 403], request: async (f, _c, t) => ({ url: `/api/v1/meetings/${await meetingOf(t, f.repLeadId, "held")}/readiness`, payload: { understandsProblem: true, understandsApproach: true, readyToEvaluate: false } }) },
  // Public: the provider's signature over the body is the credential, whoever else the request claims to be; no lead has the attendee's email, so 202.
  { route: "POST /api/v1/webhooks/calcom",         statuses: [202, 202, 202, 202, 202], request: (_f, _c, t) => signedBooking(t, "calcom") },
  { route: "POST /api/v1/webhooks/calendly",       statuses: [202, 202, 202, 202, 202], request: (_f, _c, t) => signedBooking(t, "calendly") },
  // Public: the workspace's inbound email secret is the credential, whoever else the caller is.
  { route: "POST /api/v1/inbound/email",            statuses: [202, 202, 202, 202, 202], request: (_f, c, t) => forwardedMail(t, c) },
  { route: "GET /api/v1/objections",               statuses: [401, 200, 200, 200, 403] },
  { route: "POST /api/v1/objections",              statuses: [401, 403, 201, 201, 403], request: (_f, c) => ({ payload: { name: `Too expensive ${unique(c)}`, category: "price" } }) },
  { route: "PATCH /api/v1/objections/:id",         statuses: [401, 403, 200, 200, 403], request: async (_f, c, t) => ({ url: `/api/v1/objections/${await objectionId(t, c)}`, payload: { category: "timing" } }) },
  { route: "POST /api/v1/objections/:id/responses", statuses: [401, 403, 201, 201, 403], request: async (_f, c, t) => ({ url: `/api/v1/objections/${await objectionId(t, c)}/responses`, payload: { text: "What would waiting cost you?" } }) },
  { route: "GET /api/v1/proof-assets",             statuses: [401, 200, 200, 200, 403] },
  { route: "POST /api/v1/proof-assets",            statuses: [401, 403, 201, 201, 403], request: (_f, c) => ({ payload: { kind: "case_study", title: `Case ${unique(c)}`, url: "https://proof.example/case" } }) },
  { route: "PATCH /api/v1/proof-assets/:id",       statuses: [401, 403, 200, 200, 403], request: async (_f, c, t) => ({ url: `/api/v1/proof-assets/${(await createProofAsset(t.ctx, { kind: "testimonial", title: `Quote ${unique(c)}`, url: "https://proof.example/q" }, "test")).id}`, payload: { title: "Renamed" } }) },
  { route: "GET /api/v1/pipeline",                 statuses: [401, 200, 200, 200, 403] },
  { route: "PUT /api/v1/pipeline",                 statuses: [401, 403, 200, 200, 403], request: () => ({ payload: DEFAULT_PIPELINE }) },
  { route: "GET /api/v1/campaign-promises",        statuses: [401, 200, 200, 200, 403] },
  { route: "PUT /api/v1/campaign-promises/:campaign", statuses: [401, 403, 200, 200, 403], request: () => ({ url: "/api/v1/campaign-promises/matrix-campaign", payload: { priceAnchor: 5000, timelineDays: 14 } }) },
  // A fresh promise per caller, since deleting it removes it.
  { route: "DELETE /api/v1/campaign-promises/:campaign", statuses: [401, 403, 204, 204, 403], request: async (_f, c, t) => ({ url: `/api/v1/campaign-promises/${await campaignWithPromise(t, c)}` }) },
  { route: "GET /api/v1/forms",                    statuses: [401, 403, 200, 200, 403] },
  { route: "POST /api/v1/forms",                   statuses: [401, 403, 201, 201, 403], request: (_f, c) => ({ payload: { name: `Form ${unique(c)}` } }) },
  { route: "PATCH /api/v1/forms/:id",              statuses: [401, 403, 200, 200, 403], request: (f, c) => ({ url: `/api/v1/forms/${f.formId}`, payload: { name: `Form ${unique(c)}` } }) },
  { route: "POST /f/:formKey",                     statuses: [201, 201, 201, 201, 201], request: (f, c) => ({ url: `/f/${f.formKey}`, payload: { email: `${unique(c)}@form.example` } }) },
  { route: "GET /f/:formKey/thanks",               statuses: [200, 200, 200, 200, 200], request: (f) => ({ url: `/f/${f.formKey}/thanks` }) },
  // The signed link of sequence emails: public, the token is the credential (a fresh address per caller for the one-click POST).
  { route: "GET /u/*",                             statuses: [200, 200, 200, 200, 200], request: async (_f, c, t) => ({ url: await unsubscribePath(t, c) }) },
  { route: "POST /u/*",                            statuses: [200, 200, 200, 200, 200], request: async (_f, c, t) => ({ url: await unsubscribePath(t, c), payload: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } }) },
  { route: "POST /api/v1/auth/login",              statuses: [200, 200, 200, 200, 200], request: () => ({ payload: { email: "rep@test.closeloop.dev", password: TEST_PASSWORD } }) },
  // A fresh session of the same person, so logging out does not end the one the other rows use.
  { route: "POST /api/v1/auth/logout",             statuses: [204, 204, 204, 204, 204], request: async (_f, c, t) => ({ headers: await freshHeaders(t, c) }) },
  { route: "GET /api/v1/auth/session",             statuses: [401, 200, 200, 200, 401] },
  // Setup closes once anyone has an account, whatever the token.
  { route: "POST /api/v1/auth/setup",              statuses: [409, 409, 409, 409, 409], request: (_f, c) => ({ payload: { token: "x", name: "New", email: `${unique(c)}@x.dev`, password: TEST_PASSWORD } }) },
  { route: "GET /api/v1/users",                    statuses: [401, 200, 200, 200, 403] },
  { route: "POST /api/v1/users",                   statuses: [401, 403, 403, 201, 403], request: (_f, c) => ({ payload: { email: `${unique(c)}@team.example`, name: "New Person", role: "rep" } }) },
  { route: "PATCH /api/v1/users/:id",              statuses: [401, 403, 403, 200, 403], request: (f, c) => ({ url: `/api/v1/users/${f.spareUserId}`, payload: { name: `Renamed ${unique(c)}` } }) },
  { route: "GET /api/v1/api-keys",                 statuses: [401, 403, 403, 200, 403] },
  { route: "POST /api/v1/api-keys",                statuses: [401, 403, 403, 201, 403], request: () => ({ payload: { name: "Matrix", scopes: ["leads:write"] } }) },
  { route: "DELETE /api/v1/api-keys/:id",          statuses: [401, 403, 403, 204, 403], request: (f) => ({ url: `/api/v1/api-keys/${f.spareApiKeyId}` }) },
  { route: "GET /api/v1/settings",                 statuses: [401, 200, 200, 200, 403] },
  { route: "PATCH /api/v1/settings",               statuses: [401, 403, 403, 200, 403], request: () => ({ payload: { repsSeeAllLeads: false } }) },
  { route: "GET /api/v1/webhooks",                 statuses: [401, 403, 403, 200, 403] },
  { route: "POST /api/v1/webhooks",                statuses: [401, 403, 403, 201, 403], request: () => ({ payload: { url: "https://hooks.example.com/in", eventTypes: ["lead.created"] } }) },
  { route: "PATCH /api/v1/webhooks/:id",           statuses: [401, 403, 403, 200, 403], request: (f) => ({ url: `/api/v1/webhooks/${f.webhookId}`, payload: { isActive: true } }) },
  { route: "DELETE /api/v1/webhooks/:id",          statuses: [401, 403, 403, 204, 403], request: async (_f, _c, t) => ({ url: `/api/v1/webhooks/${(await createWebhook(t.ctx, { url: "https://hooks.example.com/x", eventTypes: ["lead.created"] }, "test")).id}` }) },
  { route: "GET /api/v1/webhooks/:id/deliveries",  statuses: [401, 403, 403, 200, 403], request: (f) => ({ url: `/api/v1/webhooks/${f.webhookId}/deliveries` }) },
  { route: "GET /api/v1/routing/rules",            statuses: [401, 403, 200, 200, 403] },
  { route: "POST /api/v1/routing/rules",           statuses: [401, 403, 201, 201, 403], request: (_f, c, t) => ({ payload: matrixRule(t, `Rule ${unique(c)}`) }) },
  { route: "PATCH /api/v1/routing/rules/:id",      statuses: [401, 403, 200, 200, 403], request: (f, c) => ({ url: `/api/v1/routing/rules/${f.ruleId}`, payload: { name: `Rule ${unique(c)}` } }) },
  // A fresh rule per caller, since deleting it removes it.
  { route: "DELETE /api/v1/routing/rules/:id",     statuses: [401, 403, 204, 204, 403], request: async (_f, c, t) => ({ url: `/api/v1/routing/rules/${(await createRoutingRule(t.ctx, matrixRule(t, `Doomed ${unique(c)}`), "test")).id}` }) },
  { route: "POST /api/v1/routing/rules::reorder",  statuses: [401, 403, 200, 200, 403], request: async (_f, _c, t) => ({ url: "/api/v1/routing/rules:reorder", payload: { ids: (await readRoutingRules(t.ctx)).map((rule) => rule.id) } }) },
  { route: "POST /api/v1/routing/preview",         statuses: [401, 403, 200, 200, 403], request: () => ({ payload: { lead: { email: "preview@lead.example" } } }) },
  { route: "GET /api/v1/sla-policies",             statuses: [401, 403, 200, 200, 403] },
  { route: "POST /api/v1/sla-policies",            statuses: [401, 403, 201, 201, 403], request: (_f, c) => ({ payload: { name: `Policy ${unique(c)}`, targetMinutes: 30 } }) },
  { route: "PATCH /api/v1/sla-policies/:id",       statuses: [401, 403, 200, 200, 403], request: () => ({ url: "/api/v1/sla-policies/sla_standard", payload: { warningShare: 0.5 } }) },
  // Someone else's availability; a person's own is covered in availability.http.test.ts.
  { route: "GET /api/v1/users/:id/availability",   statuses: [401, 403, 200, 200, 403], request: (f) => ({ url: `/api/v1/users/${f.spareUserId}/availability` }) },
  { route: "PUT /api/v1/users/:id/availability",   statuses: [401, 403, 200, 200, 403], request: (f) => ({ url: `/api/v1/users/${f.spareUserId}/availability`, payload: { workingHours: null, capacity: 10, routingWeight: 1, backupUserId: null, managerId: null } }) },
  { route: "POST /api/v1/users/:id/out-of-office", statuses: [401, 403, 201, 201, 403], request: (f, _c, t) => ({ url: `/api/v1/users/${f.spareUserId}/out-of-office`, payload: absence(t) }) },
  { route: "DELETE /api/v1/users/:id/out-of-office/:periodId", statuses: [401, 403, 204, 204, 403], request: async (f, _c, t) => ({ url: `/api/v1/users/${f.spareUserId}/out-of-office/${(await addOutOfOffice(t.ctx, ADMIN_KEY_PRINCIPAL, f.spareUserId, { ...absenceAt(t), note: null })).id}` }) },
  { route: "GET /api/v1/sequences",                statuses: [401, 200, 200, 200, 403] },
  { route: "GET /api/v1/sequences/variables",      statuses: [401, 200, 200, 200, 403] },
  { route: "POST /api/v1/sequences",               statuses: [401, 403, 201, 201, 403], request: (_f, c) => ({ payload: { name: `Sequence ${unique(c)}`, steps: TWO_STEPS_INPUT } }) },
  { route: "GET /api/v1/sequences/:id",            statuses: [401, 200, 200, 200, 403], request: async (_f, c, t) => ({ url: `/api/v1/sequences/${(await createFollowUp(t.ctx, `Read ${unique(c)}`)).id}` }) },
  { route: "PUT /api/v1/sequences/:id",            statuses: [401, 403, 200, 200, 403], request: async (_f, c, t) => ({ url: `/api/v1/sequences/${(await createFollowUp(t.ctx, `Old ${unique(c)}`)).id}`, payload: { name: `New ${unique(c)}`, steps: TWO_STEPS_INPUT } }) },
  { route: "POST /api/v1/sequences/:id/archive",   statuses: [401, 403, 200, 200, 403], request: async (_f, c, t) => ({ url: `/api/v1/sequences/${(await createFollowUp(t.ctx, `Retired ${unique(c)}`)).id}/archive` }) },
  { route: "POST /api/v1/sequences/preview",       statuses: [401, 200, 200, 200, 403], request: (f) => ({ payload: { leadId: f.repLeadId, step: { dayOffset: 0, channel: "email", subject: "Hi", body: "Hello {{ lead.email }}" } } }) },
  { route: "GET /api/v1/leads/:id/sequence",       statuses: [401, 200, 200, 200, 403], request: (f) => ({ url: `/api/v1/leads/${f.repLeadId}/sequence` }) },
  // A fresh lead of the rep's per caller for each follow-up write, since enrolling, pausing and stopping change it.
  { route: "POST /api/v1/leads/:id/sequence",      statuses: [401, 201, 201, 201, 403], request: async (_f, c, t) => ({ url: `/api/v1/leads/${await leadOwnedBy(t, t.as.rep.userId, `${unique(c)}@enrol.example`)}/sequence`, payload: { sequenceId: (await matrixSequence(t)).id } }) },
  { route: "POST /api/v1/leads/:id/sequence/pause", statuses: [401, 200, 200, 200, 403], request: async (_f, c, t) => ({ url: `/api/v1/leads/${await repLeadInSequence(t, c, false)}/sequence/pause` }) },
  { route: "POST /api/v1/leads/:id/sequence/resume", statuses: [401, 200, 200, 200, 403], request: async (_f, c, t) => ({ url: `/api/v1/leads/${await repLeadInSequence(t, c, true)}/sequence/resume` }) },
  { route: "POST /api/v1/leads/:id/sequence/stop", statuses: [401, 200, 200, 200, 403], request: async (_f, c, t) => ({ url: `/api/v1/leads/${await repLeadInSequence(t, c, false)}/sequence/stop` }) },
  { route: "GET /api/v1/sequence-tasks",           statuses: [401, 200, 200, 200, 403] },
  { route: "POST /api/v1/sequence-tasks/:id/done", statuses: [401, 200, 200, 200, 403], request: async (_f, c, t) => ({ url: `/api/v1/sequence-tasks/${await repCallTask(t, c)}/done` }) },
  { route: "GET /api/v1/suppressions",             statuses: [401, 403, 200, 200, 403] },
  { route: "POST /api/v1/suppressions",            statuses: [401, 403, 201, 201, 403], request: (_f, c) => ({ payload: { value: `${unique(c)}@blocked.example`, kind: "address" } }) },
  // A fresh entry per caller, since removing it takes it off the list.
  { route: "DELETE /api/v1/suppressions/:value",   statuses: [401, 403, 204, 204, 403], request: async (_f, c, t) => ({ url: `/api/v1/suppressions/${(await addSuppression(t.ctx, ADMIN_KEY_PRINCIPAL, { value: `${unique(c)}.example`, kind: "domain", note: null })).value}` }) },
  // The rep's own mailbox; someone else's is covered in mailboxes.http.test.ts.
  { route: "GET /api/v1/users/:userId/mailbox",    statuses: [401, 200, 200, 200, 403], request: async (_f, _c, t) => ({ url: `/api/v1/users/${await giveMailbox(t.ctx, t.as.rep.userId, "smtp://127.0.0.1:1")}/mailbox` }) },
  { route: "PUT /api/v1/users/:userId/mailbox",    statuses: [401, 200, 200, 200, 403], request: (_f, _c, t) => ({ url: `/api/v1/users/${t.as.rep.userId}/mailbox`, payload: { fromAddress: "rita@sales.example", smtpUrl: "smtp://127.0.0.1:1", hourlyLimit: 10, dailyLimit: 100 } }) },
  { route: "DELETE /api/v1/users/:userId/mailbox", statuses: [401, 204, 204, 204, 403], request: async (_f, _c, t) => ({ url: `/api/v1/users/${await giveMailbox(t.ctx, t.as.rep.userId, "smtp://127.0.0.1:1")}/mailbox` }) },
  // Nothing listens on port 1: past the access check, the send fails as a 502 problem, never a 500.
  { route: "POST /api/v1/users/:userId/mailbox/test", statuses: [401, 502, 502, 502, 403], request: async (_f, _c, t) => ({ url: `/api/v1/users/${await giveMailbox(t.ctx, t.as.rep.userId, "smtp://127.0.0.1:1")}/mailbox/test`, payload: { to: "rita@home.example" } }) },
  { route: "GET /api/v1/scoring/config",           statuses: [401, 200, 200, 200, 403] },
  { route: "PUT /api/v1/scoring/config",           statuses: [401, 403, 200, 200, 403], request: () => ({ payload: DEFAULT_SCORING_CONFIG }) },
  { route: "POST /api/v1/scoring/preview",         statuses: [401, 403, 200, 200, 403], request: (f) => ({ payload: { config: DEFAULT_SCORING_CONFIG, leadIds: [f.repLeadId] } }) },
  { route: "GET /api/v1/leads/:id/score",          statuses: [401, 200, 200, 200, 403], request: (f) => ({ url: `/api/v1/leads/${f.repLeadId}/score` }) },
  // Public with the lead's visitor token (the website snippet's credential); with credentials, leads:capture decides.
  { route: "POST /api/v1/leads/:id/activity",      statuses: [202, 202, 202, 202, 202], request: async (f, _c, t) => ({ url: `/api/v1/leads/${f.repLeadId}/activity`, payload: { kind: "page_view", url: "https://www.acme.example/", token: await visitorTokenFor(t.ctx, f.repLeadId) } }) },
  { route: "GET /activity.js",                     statuses: [200, 200, 200, 200, 200] },
  { route: "GET /api/v1/playbooks",                statuses: [401, 200, 200, 200, 403] },
  { route: "POST /api/v1/playbooks",               statuses: [401, 403, 201, 201, 403], request: (_f, c) => ({ payload: { name: `Playbook ${unique(c)}`, intentLevel: "low", source: unique(c) } }) },
  { route: "GET /api/v1/playbooks/:id",            statuses: [401, 200, 200, 200, 403], request: async (_f, c, t) => ({ url: `/api/v1/playbooks/${await playbookId(t, c)}` }) },
  { route: "PUT /api/v1/playbooks/:id",            statuses: [401, 403, 200, 200, 403], request: async (_f, c, t) => ({ url: `/api/v1/playbooks/${await playbookId(t, c)}`, payload: { name: `Renamed ${unique(c)}`, intentLevel: "medium", source: unique(c) } }) },
  { route: "DELETE /api/v1/playbooks/:id",         statuses: [401, 403, 204, 204, 403], request: async (_f, c, t) => ({ url: `/api/v1/playbooks/${await playbookId(t, c)}` }) },
  { route: "GET /api/v1/scoring/model",            statuses: [401, 200, 200, 200, 403] },
  // The matrix workspace has no closed leads: past the access check, training is refused for want of history.
  { route: "POST /api/v1/scoring/model/train",     statuses: [401, 403, 409, 409, 403] },
  { route: "GET /api/v1/work/dead",                statuses: [401, 403, 403, 200, 403] },
  { route: "POST /api/v1/work/dead/:kind/:id/retry", statuses: [401, 403, 403, 200, 403], request: async (_f, c, t) => ({ url: `/api/v1/work/dead/timer/${await deadTimerId(t, unique(c))}/retry` }) },
];

/** Routes that are not part of the product's access rules: the bundled Swagger UI's own files. */
const isOutsideMatrix = (route: { method: string; url: string }) => route.method === "HEAD" || route.url.startsWith("/api/docs");

async function freshHeaders(t: TestApp, caller: Caller): Promise<Record<string, string>> {
  const person = t.as[caller as keyof TestCallers];
  if (!("userId" in person)) return person.headers;
  const session = await openSession(t.ctx.db, person.userId, t.ctx.clock.now(), t.config.sessionTtlHours);
  return { cookie: `${SESSION_COOKIE}=${session.token}`, "x-csrf-token": session.csrfToken };
}

/** A fresh playbook per caller (its own source), since changing or deleting one changes it. */
async function playbookId(t: TestApp, caller: Caller): Promise<string> {
  const name = unique(caller);
  return (await createPlaybook(t.ctx, ADMIN_KEY_PRINCIPAL, { name: `Playbook ${name}`, intentLevel: "low", source: name, slaPolicyId: null, sequenceId: null, stageGuidance: null })).id;
}

/** A timer that used up its attempts, for the retry route: scheduled, claimed and failed for good. */
async function deadTimerId(t: TestApp, key: string): Promise<string> {
  const now = t.ctx.clock.now();
  await scheduleTimer(t.ctx.db, { key: `matrix:${key}`, task: "matrix", payload: {}, runAt: now }, now);
  const claimed = await claimDueTimers(t.ctx.db, { workerId: "matrix", now, limit: 1000, lockMs: 1000 });
  const timer = claimed.find((c) => c.key === `matrix:${key}`)!;
  await failTimer(t.ctx.db, { id: timer.id, workerId: "matrix", error: "matrix", now, retryAt: null });
  return timer.id;
}

/** A catch-all rule sending leads to the rep. */
function matrixRule(t: TestApp, name: string) {
  return { name, conditions: [], target: { userIds: [t.as.rep.userId], strategy: "round_robin" as const }, slaPolicyId: null, sequenceId: null, isActive: true };
}

/** An out-of-office period from now to tomorrow. */
function absenceAt(t: TestApp): { startsAt: number; endsAt: number } {
  const now = t.ctx.clock.now();
  return { startsAt: now, endsAt: now + 24 * 60 * 60 * 1000 };
}

function absence(t: TestApp): { startsAt: string; endsAt: string } {
  const { startsAt, endsAt } = absenceAt(t);
  return { startsAt: isoOf(startsAt), endsAt: isoOf(endsAt) };
}

const ADMIN_KEY_PRINCIPAL = { kind: "api_key", apiKeyId: "matrix", scopes: ["admin"] } as const;

/** A fresh objection in the catalog, so each caller's request stands alone. */
async function objectionId(t: TestApp, caller: Caller): Promise<string> {
  return (await createObjection(t.ctx, { name: `Objection ${unique(caller)}`, category: "price" }, "test")).id;
}

/** Gives the rep's lead a next step (setting it again reschedules it) and returns the lead id. */
async function withNextStep(t: TestApp, leadId: string): Promise<string> {
  await setNextStep(t.ctx, { kind: "user", userId: t.as.rep.userId, role: "rep" }, leadId, { action: "Send the proposal", dueAt: t.ctx.clock.now() + 3_600_000 });
  return leadId;
}

/** A meeting on the lead, booked or already held. */
async function meetingOf(t: TestApp, leadId: string, status: "booked" | "held"): Promise<string> {
  const { meeting } = await bookMeeting(t.ctx, ADMIN_KEY_PRINCIPAL, leadId, { startsAt: t.ctx.clock.now() + 3_600_000 });
  if (status === "held") await recordMeetingOutcome(t.ctx, ADMIN_KEY_PRINCIPAL, meeting.id, { status: "held" });
  return meeting.id;
}

const matrixSequences = new WeakMap<TestApp, Promise<{ id: string }>>();

/** The follow-up sequence the matrix enrols leads in, made on first use in each app. */
function matrixSequence(t: TestApp): Promise<{ id: string }> {
  let sequence = matrixSequences.get(t);
  if (!sequence) matrixSequences.set(t, (sequence = createFollowUp(t.ctx, "Matrix follow-up")));
  return sequence;
}

/** A fresh lead of the rep's in the matrix sequence, paused when asked, so each caller's change stands alone. */
async function repLeadInSequence(t: TestApp, caller: Caller, isPaused: boolean): Promise<string> {
  return leadInSequence(t.ctx, t.as.rep.userId, `${unique(caller)}@follow-up.example`, (await matrixSequence(t)).id, { isPaused });
}

/** An open call task on a fresh lead of the rep's. */
async function repCallTask(t: TestApp, caller: Caller): Promise<string> {
  const leadId = await repLeadInSequence(t, caller, false);
  const [enrolment] = await listEnrolmentsOfLead(t.ctx.db, leadId);
  return openCallTask(t.ctx, leadId, enrolment!.id, t.as.rep.userId);
}

/** The path of an unsubscribe link for a fresh address (of a lead that no longer exists, so no lead changes). */
async function unsubscribePath(t: TestApp, caller: Caller): Promise<string> {
  return new URL(await unsubscribeUrlOf(t.ctx, t.ctx.db, t.ctx.publicUrl, { address: `${unique(caller)}@unsubscribe.example`, leadId: "lead_gone" }, t.ctx.clock.now())).pathname;
}

const BOOKING_SECRET = "matrix-booking-secret";

/** A booking webhook from the fixtures, signed with the workspace's secret for its provider. */
async function signedBooking(t: TestApp, provider: "calcom" | "calendly"): Promise<MatrixRequest> {
  await writeSetting(t.ctx.db, provider === "calcom" ? "calcomWebhookSecret" : "calendlyWebhookSigningKey", BOOKING_SECRET, 0);
  const payload = schedulingFixtureJson(provider === "calcom" ? "calcom-booking-created.json" : "calendly-invitee-created.json") as object;
  const body = JSON.stringify(payload);
  const headers: Record<string, string> =
    provider === "calcom"
      ? { "x-cal-signature-256": calcomSignature(body, BOOKING_SECRET) }
      : { "calendly-webhook-signature": calendlySignature(body, BOOKING_SECRET, t.ctx.clock.now()) };
  return { payload, headers };
}

/** A raw email forwarded with the inbound email secret, its Message-ID unique per caller. */
async function forwardedMail(t: TestApp, caller: Caller): Promise<MatrixRequest> {
  await writeSetting(t.ctx.db, "inboundEmailSecret", BOOKING_SECRET, 0);
  const payload = Buffer.from(`From: someone@mail.example\r\nTo: rep@sales.example\r\nSubject: Hello\r\nMessage-ID: <${unique(caller)}@mail.example>\r\n\r\nHi\r\n`);
  return { payload, headers: { "content-type": "message/rfc822", "x-inbound-secret": BOOKING_SECRET } };
}

/** A campaign with a recorded promise, so each caller's delete stands alone. */
async function campaignWithPromise(t: TestApp, caller: Caller): Promise<string> {
  return (await recordCampaignPromise(t.ctx, `campaign-${unique(caller)}`, { priceAnchor: 100 }, "test")).campaign;
}

/** A fresh lead of the rep's, disqualified, so there is one to requalify. */
async function disqualifiedLead(t: TestApp, caller: Caller): Promise<string> {
  const leadId = await leadOwnedBy(t, t.as.rep.userId, `${unique(caller)}@requalify.example`);
  await disqualifyLead(t.ctx, ADMIN_KEY_PRINCIPAL, leadId, { reason: "spam" });
  return leadId;
}

async function leadOwnedBy(t: TestApp, ownerId: string | null, email: string): Promise<string> {
  const { leadId } = await captureLead(t.ctx, { payload: { email }, actor: "test" });
  const lead = (await findLeadById(t.ctx.db, leadId))!;
  await updateLead(t.ctx.db, { ...lead, ownerId });
  return leadId;
}

async function buildFixture(t: TestApp): Promise<Fixture> {
  const form = (await t.app.inject({ method: "POST", url: "/api/v1/forms", headers: t.as.admin.headers, payload: { name: "Matrix form" } })).json();
  const spareUser = await createUser(t.ctx, { email: "spare@team.example", name: "Spare Person", role: "rep" }, "test");
  const spareKey = (await t.app.inject({ method: "POST", url: "/api/v1/api-keys", headers: t.as.admin.headers, payload: { name: "Spare", scopes: ["admin"] } })).json();
  return {
    repLeadId: await leadOwnedBy(t, t.as.rep.userId, "owned-by-rep@lead.example"),
    otherRepLeadId: await leadOwnedBy(t, t.as.otherRep.userId, "owned-by-other-rep@lead.example"),
    formId: form.id,
    formKey: form.formKey,
    spareUserId: spareUser.id,
    spareApiKeyId: spareKey.id,
    webhookId: (await createWebhook(t.ctx, { url: "https://hooks.example.com/matrix", eventTypes: ["lead.created"] }, "test")).id,
    ruleId: (await createRoutingRule(t.ctx, matrixRule(t, "Matrix rule"), "test")).id,
  };
}

const CASES = MATRIX.flatMap((row) => CALLERS.map((caller, column) => ({ row, caller, status: row.statuses[column]! })));

describe.each(ENGINES)("access matrix on %s", (engine) => {
  let t: TestApp;
  let fixture: Fixture;
  let emptyWebDir: string;
  beforeAll(async () => {
    // No web bundle: its files would otherwise add one route each, depending on whether `npm run build` ran.
    emptyWebDir = mkdtempSync(path.join(os.tmpdir(), "closeloop-no-web-"));
    t = await createTestApp(engine, { collectRoutes: true, webDir: emptyWebDir });
    fixture = await buildFixture(t);
  });
  afterAll(async () => {
    await t.destroy();
    rmSync(emptyWebDir, { recursive: true, force: true });
  });

  it("lists every route the app registers (add a row to MATRIX for a new route)", () => {
    const registered = t.routes.filter((route) => !isOutsideMatrix(route)).map((route) => `${route.method} ${route.url}`);
    const listed = MATRIX.map((row) => row.route);
    expect(registered.filter((route) => !listed.includes(route)), "routes missing from MATRIX").toEqual([]);
    expect(listed.filter((route) => !registered.includes(route)), "MATRIX rows for routes that no longer exist").toEqual([]);
  });

  it.each(CASES)("$row.route as $caller → $status", async ({ row, caller, status }) => {
    const [method, pattern] = row.route.split(" ") as [string, string];
    const request = (await row.request?.(fixture, caller, t)) ?? {};
    const headers = { ...t.as[caller].headers, ...request.headers };
    const url = request.url ?? pattern.replace("::", ":");
    const response = await t.app.inject({ method: method as "GET", url, headers, ...(request.payload ? { payload: request.payload } : {}) });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(status);
    if (status === 401 || status === 403) expect(response.headers["content-type"]).toContain("application/problem+json");
  });

  describe("which leads a rep sees", () => {
    const get = (url: string, caller: "rep" | "otherRep" | "manager") => t.app.inject({ method: "GET", url, headers: t.as[caller].headers });

    it("a rep cannot read another rep's lead by id: 404, as if it did not exist", async () => {
      const response = await get(`/api/v1/leads/${fixture.repLeadId}`, "otherRep");
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: "not_found", field: "id" });
    });

    it("a rep's list holds only the leads they own; a manager's holds all", async () => {
      const repIds = (await get("/api/v1/leads?limit=200", "rep")).json().items.map((lead: { id: string; ownerId: string }) => lead.ownerId);
      expect(repIds.length).toBeGreaterThan(0);
      expect(new Set(repIds)).toEqual(new Set([t.as.rep.userId]));
      const managerIds = (await get("/api/v1/leads?limit=200", "manager")).json().items.map((lead: { id: string }) => lead.id);
      expect(managerIds).toEqual(expect.arrayContaining([fixture.repLeadId, fixture.otherRepLeadId]));
    });

    it("the repsSeeAllLeads setting widens what reps see", async () => {
      const widen = (repsSeeAllLeads: boolean) =>
        t.app.inject({ method: "PATCH", url: "/api/v1/settings", headers: t.as.admin.headers, payload: { repsSeeAllLeads } });
      expect((await widen(true)).json()).toMatchObject({ repsSeeAllLeads: true });
      onTestFinished(async () => void (await widen(false)));
      expect((await get(`/api/v1/leads/${fixture.repLeadId}`, "otherRep")).statusCode).toBe(200);
      const ids = (await get("/api/v1/leads?limit=200", "rep")).json().items.map((lead: { id: string }) => lead.id);
      expect(ids).toEqual(expect.arrayContaining([fixture.repLeadId, fixture.otherRepLeadId]));
    });
  });
});
