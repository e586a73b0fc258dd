import type { NewLeadEvent } from "../lead/lead-event.js";
import type { QualificationCriterion } from "../pipeline/pipeline-config.js";
import type { QualificationAnswer } from "../qualification/qualification-answer.js";
import { qualificationStatusOf } from "../qualification/qualification-status.js";
import type { DisqualificationReason } from "./demo-lead-plan.js";
import { DEMO_ACTOR } from "./demo-pipeline.js";
import type { DemoLead } from "./generate-demo-history.js";
import { MINUTE_MS } from "../time.js";

/** The criterion each disqualification reason answers "no" (a student or job seeker has no need we serve). */
const CRITERION_BY_REASON: Record<DisqualificationReason, string> = {
  no_budget: "budget",
  not_decision_maker: "authority",
  poor_fit: "need",
  no_timeline: "timeline",
  student_job_seeker: "need",
};

/** A lead's answers as stored, and the `qualification_answered` event that recorded them. */
export type DemoQualification = { answers: QualificationAnswer[]; events: NewLeadEvent[] };

/**
 * The qualification answers a demo lead's owner recorded, true to its journey: every criterion
 * "yes" a minute before the discovery meeting moved it to qualified; the criterion its
 * disqualification reason names "no" a minute before it was disqualified. Other leads were
 * never asked. Fit rules and the model read these answers; drift compares close rates by them.
 */
export function demoQualificationOf({ lead, plan }: DemoLead, criteria: readonly QualificationCriterion[]): DemoQualification {
  const qualifiedAt = plan.stageChanges.find((change) => change.stage === "qualified")?.at;
  const answered = (at: number, answers: { criterion: string; answer: "yes" | "no" }[]): DemoQualification => {
    const stored = answers.map((answer) => ({ ...answer, notes: null, answeredBy: DEMO_ACTOR, answeredAt: at }));
    const data = { answers: answers.map((answer) => ({ ...answer, notes: null })), costOfInaction: null, status: qualificationStatusOf(criteria, stored) };
    return { answers: stored, events: [{ leadId: lead.id, type: "qualification_answered", actor: DEMO_ACTOR, at, data }] };
  };
  if (qualifiedAt !== undefined) return answered(qualifiedAt - MINUTE_MS, criteria.map(({ key }) => ({ criterion: key, answer: "yes" })));
  const { outcome } = plan;
  if (outcome.kind === "disqualified") {
    const criterion = CRITERION_BY_REASON[outcome.reason];
    if (criteria.some(({ key }) => key === criterion)) return answered(outcome.at - MINUTE_MS, [{ criterion, answer: "no" }]);
  }
  return { answers: [], events: [] };
}
