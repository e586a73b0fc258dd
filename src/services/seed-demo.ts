import { DEFAULT_DEMO_DAYS, DEFAULT_DEMO_LEADS_PER_DAY, type DemoHistory, type DemoLead, generateDemoHistory } from "../domain/demo/generate-demo-history.js";
import { DomainError, invalidField } from "../domain/errors.js";
import { capturePayloadOf } from "../domain/lead/capture-fields.js";
import type { Lead } from "../domain/lead/lead.js";
import type { NewLeadEvent } from "../domain/lead/lead-event.js";
import { matchKeysOf } from "../domain/lead/match-key.js";
import { DEMO_ACTOR, demoPipelineOf } from "../domain/demo/demo-pipeline.js";
import { DEMO_COMPANY_NAME, type DemoSequenceSet, demoSequencesOf } from "../domain/demo/demo-sequence-set.js";
import { type DemoLeadSequences, demoSequencesOfLead } from "../domain/demo/demo-sequences.js";
import type { StepTimerPayload } from "../domain/sequences/step-decision.js";
import { streamFor } from "../domain/demo/seeded-random.js";
import { DEFAULT_PIPELINE } from "../domain/pipeline/pipeline-config.js";
import { type LeadPipeline, nextStepTimerKey } from "../domain/pipeline/lead-pipeline.js";
import { nextStepTimerPlan } from "../domain/pipeline/next-step.js";
import type { Role } from "../domain/access/permission.js";
import type { Enrolment } from "../domain/sequences/enrolment.js";
import { demoActivityOf } from "../domain/demo/demo-activity.js";
import { demoPlaybooksOf } from "../domain/demo/demo-playbooks.js";
import { demoQualificationOf } from "../domain/demo/demo-qualification.js";
import { type ModelReadiness, modelReadiness } from "../domain/scoring/model/model-readiness.js";
import { LEAD_RESCORE_TASK } from "../domain/scoring/rescoring-triggers.js";
import type { Bucket } from "../domain/scoring/scoring-config.js";
import type { Executor } from "../store/engine.js";
import { appendEvents } from "../store/events.js";
import { claimMatchKeys, countLeads, insertLeads } from "../store/leads.js";
import { countUsers, insertUsers } from "../store/users.js";
import { isUniqueViolation } from "../store/unique-violation.js";
import { insertLeadPipelines } from "../store/lead-pipeline.js";
import { cancelTimersOfTask, scheduleTimers, type TimerSchedule } from "../store/timers.js";
import { countLeadsByBucket } from "../store/lead-scores.js";
import { countClosedLeads } from "../store/lead-model-records.js";
import { insertPlaybook } from "../store/playbooks.js";
import { listSlaPolicies } from "../store/sla-policies.js";
import { insertQualificationAnswers } from "../store/qualification-answers.js";
import { readSettings, writeSetting } from "../store/settings.js";
import { insertSequence } from "../store/sequences.js";
import { insertEnrolments } from "../store/sequence-enrolments.js";
import { insertSequenceMessages } from "../store/sequence-messages.js";
import { insertSequenceTasks } from "../store/sequence-tasks.js";
import { insertSuppression } from "../store/suppressions.js";
import { NEXT_STEP_DUE_TASK } from "./next-steps/next-step-writes.js";
import { appendPlaybookEvent } from "./playbooks/playbook-writes.js";
import { refreshAllScores } from "./scoring/rescore-leads.js";
import { trainScoringModelInTransaction } from "./scoring/train-scoring-model.js";
import { FINISH_GRACE_MS } from "./sequence-sending/advance-enrolment.js";
import { SEQUENCE_STEP_TASK, sequenceStepTimerKey } from "./sequences/sequence-timers.js";
import type { ServiceContext } from "./context.js";
import { hashPassword } from "./passwords.js";

/** Every demo account logs in with this password; the accounts exist only in demo workspaces. */
export const DEMO_PASSWORD = "demo-password-1";

/** Accepted ranges. The history is built in memory first (~2 KB a lead), so 730 × 200 ≈ 146k leads is the ceiling. */
export const DEMO_LIMITS = {
  seed: { min: 0, max: 2 ** 32 - 1 },
  days: { min: 1, max: 730 },
  leadsPerDay: { min: 1, max: 200 },
} as const;

export type SeedDemoOptions = { seed: number; days?: number; leadsPerDay?: number };

export type DemoSummary = {
  seed: number;
  startAt: number;
  endAt: number;
  password: string;
  users: { name: string; email: string; role: Role; profile: string }[];
  leadCount: number;
  /** Events of the history; scoring adds its own (`playbook_saved`, `model_trained`, `scored`). */
  eventCount: number;
  outcomes: { won: number; lost: number; disqualified: number; open: number };
  sequences: { enrolledLeads: number; live: number; emailsSent: number; openTasks: number; optedOut: number; bounced: number };
  scoring: DemoScoring;
};

/** What scoring made of the demo: leads per bucket (closed ones as of their close), the playbooks, and the model or why there is none. */
export type DemoScoring = {
  buckets: Record<Bucket, number>;
  playbooks: string[];
  model: { version: number; auc: number } | null;
  readiness: ModelReadiness;
};

/**
 * Fills an empty workspace with a seeded year of history (see `generateDemoHistory`): the team
 * with one shared password, leads with their match keys, owners and current stage, and their
 * `created` and `assigned` events at the historical times, the pipeline, and the follow-up
 * sequences with the emails they sent, their tasks, opt-outs and bounces, and the step timers of
 * the enrolments still running (`demoSequencesOfLead`), the qualification answers
 * (`demoQualificationOf`) and the leads' visits to the website (`demoActivityOf`); then scoring,
 * as a workspace switching it on today would have it (`scoreDemo`). One transaction, so a failed
 * run leaves the workspace empty and can simply be retried; refuses (`conflict`) when the
 * workspace already has users or leads, so demo data never mixes with real data.
 */
export async function seedDemo(ctx: ServiceContext, options: SeedDemoOptions): Promise<DemoSummary> {
  const days = options.days ?? DEFAULT_DEMO_DAYS;
  const leadsPerDay = options.leadsPerDay ?? DEFAULT_DEMO_LEADS_PER_DAY;
  checkRange("seed", options.seed, DEMO_LIMITS.seed);
  checkRange("days", days, DEMO_LIMITS.days);
  checkRange("leadsPerDay", leadsPerDay, DEMO_LIMITS.leadsPerDay);
  const history = generateDemoHistory({ seed: options.seed, endAt: ctx.clock.now(), days, leadsPerDay });
  // argon2id costs ~50 ms: hash once for all nine accounts.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const pipelines = history.leads.map((demoLead, index) => demoPipelineOf(demoLead, DEFAULT_PIPELINE, history.endAt, streamFor(options.seed, "next-step", index)));
  const { companyName } = await readSettings(ctx.db);
  const sequences = demoSequencesOf(options.seed, history.team[0]!.user.createdAt);
  const followUps = followUpsOf(history, sequences, companyName ?? DEMO_COMPANY_NAME);
  const qualifications = history.leads.map((demoLead) => demoQualificationOf(demoLead, DEFAULT_PIPELINE.qualificationCriteria));
  const leadEvents = history.leads.flatMap((demoLead, index) => {
    const activity = demoActivityOf(demoLead, history.endAt, streamFor(options.seed, "activity", index));
    return [...eventsOf(demoLead), ...inTimeOrder(pipelines[index]!.events, followUps[index]?.events ?? [], qualifications[index]!.events, activity)];
  });
  const events = [...sequenceSavedEvents(sequences), ...leadEvents];
  const states = pipelines.flatMap(({ state }) => (state ? [state] : []));
  const written = followUps.filter((followUp) => followUp !== null);
  let scoring: DemoScoring;
  try {
    scoring = await ctx.db.transaction().execute(async (trx) => {
      await refuseUnlessEmpty(trx);
      await insertUsers(trx, history.team.map(({ user }) => ({ user, passwordHash })));
      await writeLeads(trx, history.leads.map(({ lead }, index) => withOptOut(lead, followUps[index] ?? null)));
      // Demo emails are signed for a company: name one unless the workspace already has.
      if (companyName === null) await writeSetting(trx, "companyName", DEMO_COMPANY_NAME, history.endAt);
      await writeFollowUps(trx, sequences, written);
      await appendEvents(trx, events);
      await insertLeadPipelines(trx, states, history.endAt);
      await insertQualificationAnswers(trx, qualifications.flatMap(({ answers }, index) => answers.map((answer) => ({ ...answer, leadId: history.leads[index]!.lead.id }))));
      await scheduleTimers(trx, [...nextStepTimersOf(states), ...sequenceStepTimersOf(written.flatMap((followUp) => followUp.enrolments))], history.endAt);
      return scoreDemo(trx, ctx, options.seed, sequences, history.endAt);
    });
  } catch (error) {
    // Two demo runs racing on PostgreSQL: the loser trips over the winner's user emails.
    if (isUniqueViolation(error)) throw workspaceNotEmpty();
    throw error;
  }
  ctx.log.info({ seed: options.seed, leads: history.leads.length, events: events.length }, "demo workspace seeded");
  return summarize(history, events.length, written, scoring);
}

/**
 * Scoring switched on at the end of the history: the three playbooks (`demoPlaybooksOf`), the
 * model trained on the closed leads when there are enough (`modelReadiness`), then a whole
 * refresh pass: open leads scored now, closed leads as of their close. A pass starts no
 * playbook on a lead it scores for the first time, so no open lead is enrolled in a sequence
 * its owner never chose nor has a long-settled SLA clock restarted: enrolments stay as the
 * history made them, and a lead's playbook starts when its intent level next moves. The
 * history's events each scheduled a rescore of their lead; the pass has scored every lead on
 * all of them, so those timers are dropped.
 */
async function scoreDemo(trx: Executor, ctx: ServiceContext, seed: number, sequences: DemoSequenceSet, now: number): Promise<DemoScoring> {
  const [fastest] = (await listSlaPolicies(trx)).sort((a, b) => a.targetMinutes - b.targetMinutes);
  const playbooks = demoPlaybooksOf(seed, now, sequences, fastest?.id ?? null);
  for (const playbook of playbooks) {
    await insertPlaybook(trx, playbook);
    await appendPlaybookEvent(trx, "playbook_saved", playbook, DEMO_ACTOR, now);
  }
  const { closed, wins } = await countClosedLeads(trx);
  const readiness = modelReadiness(closed, wins);
  const trained = readiness.isReady ? await trainScoringModelInTransaction(trx, DEMO_ACTOR, now) : null;
  await refreshAllScores(trx, ctx, now);
  await cancelTimersOfTask(trx, LEAD_RESCORE_TASK);
  return {
    buckets: await countLeadsByBucket(trx),
    playbooks: playbooks.map((playbook) => playbook.name),
    model: trained && { version: trained.version, auc: trained.report.auc },
    readiness,
  };
}

function checkRange(field: string, value: number, range: { min: number; max: number }): void {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw invalidField(field, `must be a whole number from ${range.min} to ${range.max}`);
  }
}

function workspaceNotEmpty(counts?: { leads: number; users: number }): DomainError {
  const found = counts ? `it has ${counts.users} users and ${counts.leads} leads` : "another run just filled it";
  return new DomainError("conflict", {
    message: `the demo only fills an empty workspace, and ${found}. Use a new database (DATA_DIR or DATABASE_URL) for the demo.`,
    ...(counts ? { details: counts } : {}),
  });
}

async function refuseUnlessEmpty(trx: Executor): Promise<void> {
  const counts = { leads: await countLeads(trx), users: await countUsers(trx) };
  if (counts.leads > 0 || counts.users > 0) throw workspaceNotEmpty(counts);
}

async function writeLeads(trx: Executor, leads: Lead[]): Promise<void> {
  await insertLeads(trx, leads);
  const claims = leads.flatMap((lead) => matchKeysOf(lead.email, lead.phone).map((matchKey) => ({ matchKey, leadId: lead.id })));
  const taken = await claimMatchKeys(trx, claims);
  // The generator hands out each email and phone once and the workspace was empty.
  if (taken.length > 0) throw new Error(`demo generator produced duplicate match keys: ${taken.slice(0, 3).join(", ")}`);
}

/**
 * `created` with the payload a form would have sent, then `assigned` as routing records it; the
 * pipeline's events follow (`demoPipelineOf`). Keep each lead's events in time order: timelines
 * sort by event id.
 */
function eventsOf({ lead, plan }: DemoLead): NewLeadEvent[] {
  return [
    { leadId: lead.id, type: "created", actor: DEMO_ACTOR, at: lead.createdAt, data: { payload: capturePayloadOf(lead) } },
    {
      leadId: lead.id,
      type: "assigned",
      actor: DEMO_ACTOR,
      at: plan.assignedAt,
      data: { ownerId: plan.ownerId, ruleId: null, strategy: "round_robin", reason: plan.assignmentReason },
    },
  ];
}


/** The lead as its opt-out left it: marked, and changed then. */
function withOptOut(lead: Lead, followUp: DemoLeadSequences | null): Lead {
  if (!followUp?.isOptedOut) return lead;
  return { ...lead, isOptedOut: true, updatedAt: Math.max(lead.updatedAt, followUp.suppression!.createdAt) };
}

/** Each lead's sequences, drawn from its own stream, with its owner's name and zone. */
function followUpsOf(history: DemoHistory, sequences: DemoSequenceSet, companyName: string): (DemoLeadSequences | null)[] {
  const owners = new Map(history.team.map(({ user }) => [user.id, user]));
  return history.leads.map((demoLead, index) => {
    const context = { sequences, owner: owners.get(demoLead.plan.ownerId)!, companyName, endAt: history.endAt, finishGraceMs: FINISH_GRACE_MS };
    return demoSequencesOfLead(demoLead, context, streamFor(history.seed, "sequences", index));
  });
}

/** The sequences (nurture first: the others name it), then enrolments, sent emails, tasks and the suppression list, in bulk. */
async function writeFollowUps(trx: Executor, sequences: DemoSequenceSet, followUps: DemoLeadSequences[]): Promise<void> {
  for (const sequence of [sequences.nurture, sequences.followUp, sequences.demoRequest]) await insertSequence(trx, sequence);
  await insertEnrolments(trx, followUps.flatMap((followUp) => followUp.enrolments));
  await insertSequenceMessages(trx, followUps.flatMap((followUp) => followUp.messages));
  await insertSequenceTasks(trx, followUps.flatMap((followUp) => followUp.tasks));
  for (const { suppression } of followUps) if (suppression) await insertSuppression(trx, suppression);
}

/**
 * The demo sets up no mailbox (its users have no SMTP server). Rather than let due email steps
 * pause with `no_mailbox`, every live enrolment's next step lies at least a day ahead (see
 * `demoSequencesOfLead`), so the demo stays quiet; a step that falls due later pauses, visibly.
 */
function sequenceStepTimersOf(enrolments: Enrolment[]): TimerSchedule[] {
  return enrolments.flatMap(({ id, status, cycle, nextStepIndex, nextSendAt }) => {
    if (status !== "active" || nextSendAt === null) return [];
    const payload: StepTimerPayload = { enrolmentId: id, cycle, stepIndex: nextStepIndex };
    return [{ key: sequenceStepTimerKey(id), task: SEQUENCE_STEP_TASK, payload, runAt: nextSendAt }];
  });
}

/** `sequence_saved` for each demo sequence, as a manager saving it records (no lead). */
function sequenceSavedEvents(sequences: DemoSequenceSet): NewLeadEvent[] {
  return [sequences.nurture, sequences.followUp, sequences.demoRequest].map(({ id, name, createdAt }) => ({
    leadId: null,
    type: "sequence_saved",
    actor: DEMO_ACTOR,
    at: createdAt,
    data: { sequenceId: id, name },
  }));
}

/** Time-ordered lists as one; at the same instant the pipeline's event (the reply, the won move) comes before what it caused. */
function inTimeOrder(pipeline: NewLeadEvent[], ...others: NewLeadEvent[][]): NewLeadEvent[] {
  const rest = others.flat();
  if (rest.length === 0) return pipeline;
  return [...pipeline, ...rest].sort((a, b) => a.at - b.at);
}

/** The reminders and overdue checks still ahead of the demo's open next steps, as setting them would schedule. */
function nextStepTimersOf(states: LeadPipeline[]): TimerSchedule[] {
  return states.flatMap(({ leadId, nextStep }) => {
    const plan = nextStep && nextStepTimerPlan(nextStep, DEFAULT_PIPELINE.nextStepOverdueAfterMinutes);
    if (!plan) return [];
    return [{ key: nextStepTimerKey(leadId), task: NEXT_STEP_DUE_TASK, payload: { leadId, kind: plan.kind, dueAt: nextStep.dueAt }, runAt: plan.runAt }];
  });
}

function summarize(history: DemoHistory, eventCount: number, followUps: DemoLeadSequences[], scoring: DemoScoring): DemoSummary {
  const outcomes = { won: 0, lost: 0, disqualified: 0, open: 0 };
  for (const { plan } of history.leads) outcomes[plan.outcome.kind]++;
  const sequences = { enrolledLeads: followUps.length, live: 0, emailsSent: 0, openTasks: 0, optedOut: 0, bounced: 0 };
  for (const { enrolments, messages, tasks, suppression } of followUps) {
    sequences.live += enrolments.filter((enrolment) => enrolment.status === "active").length;
    sequences.emailsSent += messages.length;
    sequences.openTasks += tasks.filter((task) => task.doneAt === null).length;
    if (suppression?.reason === "opted_out") sequences.optedOut++;
    if (suppression?.reason === "bounced") sequences.bounced++;
  }
  return {
    seed: history.seed,
    startAt: history.startAt,
    endAt: history.endAt,
    password: DEMO_PASSWORD,
    users: history.team.map(({ user, profile }) => ({ name: user.name, email: user.email, role: user.role, profile })),
    leadCount: history.leads.length,
    eventCount,
    outcomes,
    sequences,
    scoring,
  };
}
