import { beforeAll, describe, expect, it } from "vitest";
import { checkSequenceInput } from "../sequences/check-sequence.js";
import { DEMO_COMPANY_NAME, type DemoSequenceSet, demoSequencesOf } from "./demo-sequence-set.js";
import { type DemoLeadSequences, demoSequencesOfLead } from "./demo-sequences.js";
import { type DemoHistory, generateDemoHistory } from "./generate-demo-history.js";
import { streamFor } from "./seeded-random.js";
import { DAY_MS } from "../time.js";

const END_AT = Date.UTC(2026, 2, 4, 15, 0);
const FINISH_GRACE_MS = 3 * DAY_MS;

function generate(history: DemoHistory, sequences: DemoSequenceSet): (DemoLeadSequences | null)[] {
  const owners = new Map(history.team.map(({ user }) => [user.id, user]));
  return history.leads.map((demoLead, index) =>
    demoSequencesOfLead(demoLead, { sequences, owner: owners.get(demoLead.plan.ownerId)!, companyName: DEMO_COMPANY_NAME, endAt: END_AT, finishGraceMs: FINISH_GRACE_MS }, streamFor(7, "sequences", index)),
  );
}

describe("demoSequencesOfLead", () => {
  let history: DemoHistory;
  let sequences: DemoSequenceSet;
  let followUps: (DemoLeadSequences | null)[];
  let enrolled: (DemoLeadSequences & { index: number })[];
  beforeAll(() => {
    history = generateDemoHistory({ seed: 7, endAt: END_AT, days: 120, leadsPerDay: 30 });
    sequences = demoSequencesOf(7, history.startAt - 30 * DAY_MS);
    followUps = generate(history, sequences);
    enrolled = followUps.flatMap((followUp, index) => (followUp ? [{ ...followUp, index }] : []));
  });

  it("is deterministic for a seed", () => {
    expect(demoSequencesOf(7, history.startAt - 30 * DAY_MS)).toEqual(sequences);
    expect(generate(history, sequences)).toEqual(followUps);
  });

  it("sets up a 4-step follow-up, a demo request sequence and the monthly nurture both move leads into, all saveable", () => {
    const { followUp, demoRequest, nurture } = sequences;
    expect(followUp.steps.map((step) => [step.dayOffset, step.channel])).toEqual([[0, "email"], [2, "call"], [5, "email"], [10, "linkedin"]]);
    expect(followUp.steps.every((step) => step.window.startMinute === 540 && step.window.endMinute === 1020 && step.window.weekdays.join() === "1,2,3,4,5")).toBe(true);
    expect(nurture).toMatchObject({ purpose: "nurture", repeatEveryDays: 30, nurtureSequenceId: null });
    expect([followUp.nurtureSequenceId, demoRequest.nurtureSequenceId]).toEqual([nurture.id, nurture.id]);
    for (const sequence of [followUp, demoRequest, nurture]) {
      expect(() => checkSequenceInput(sequence, { companyNameIsSet: true, proofAssetIds: [] })).not.toThrow();
    }
  });

  it("enrols about half the touched leads at their first touch, and never an untouched one", () => {
    const touched = history.leads.filter(({ plan }) => plan.firstResponseAt !== null).length;
    expect(enrolled.length / touched).toBeGreaterThan(0.3);
    expect(enrolled.length / touched).toBeLessThan(0.55);
    for (const { index, enrolments } of enrolled) {
      const { plan } = history.leads[index]!;
      expect(enrolments[0]).toMatchObject({ enrolledAt: plan.firstResponseAt, enrolledVia: "manual" });
    }
  });

  it("keeps every lead's events consistent: time order, one enrolled per enrolment, no email or task after its enrolment ended", () => {
    for (const { enrolments, messages, tasks, events } of enrolled) {
      const times = events.map((event) => event.at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times.every((at) => at < END_AT)).toBe(true);
      for (const enrolment of enrolments) {
        const about = events.filter((event) => event.data["enrolmentId"] === enrolment.id);
        expect(about.filter((event) => event.type === "enrolled")).toHaveLength(1);
        const ends = about.filter((event) => event.type === "sequence_stopped" || event.type === "sequence_finished");
        expect(ends).toHaveLength(enrolment.status === "active" ? 0 : 1);
        const endedAt = enrolment.endedAt ?? END_AT;
        if (enrolment.status !== "active") expect(ends[0]!.at).toBe(endedAt);
        // A stop settles everything; a finished sequence's last email, queued as it finished, still goes out.
        const sentBy = (m: DemoLeadSequences["messages"][number]) => (enrolment.status === "finished" ? m.queuedAt : m.sentAt);
        expect(messages.filter((m) => m.enrolmentId === enrolment.id).every((m) => sentBy(m) <= endedAt)).toBe(true);
        expect(tasks.filter((t) => t.enrolmentId === enrolment.id).every((t) => t.dueAt <= endedAt)).toBe(true);
        expect(about.filter((event) => event.type === "message_sent")).toHaveLength(messages.filter((m) => m.enrolmentId === enrolment.id).length);
      }
      // Follow-ups thread: each email answers the one before it in its enrolment.
      for (const [i, message] of messages.entries()) {
        const previous = messages.slice(0, i).filter((m) => m.enrolmentId === message.enrolmentId).at(-1);
        expect(message.inReplyTo).toBe(previous?.messageId ?? null);
      }
    }
  });

  it("never has two live enrolments for a lead, and a live one waits at least a day for its next step", () => {
    const live = enrolled.flatMap(({ enrolments }) => enrolments.filter((enrolment) => enrolment.status === "active" || enrolment.status === "paused"));
    expect(live.length).toBeGreaterThan(10);
    for (const { enrolments } of enrolled) {
      const open = enrolments.filter((enrolment) => enrolment.endedAt === null);
      expect(open.length).toBeLessThanOrEqual(1);
      if (open.length === 1) expect(open[0]).toBe(enrolments.at(-1));
    }
    expect(live.every((enrolment) => enrolment.nextSendAt! >= END_AT + DAY_MS)).toBe(true);
    expect(live.some((enrolment) => enrolment.sequenceId === sequences.nurture.id)).toBe(true);
    expect(live.some((enrolment) => enrolment.sequenceId !== sequences.nurture.id)).toBe(true);
  });

  it("stops as the journey says: a reply at the lead's emailed answer, won and lost at the outcome", () => {
    const reasons = new Set<string>();
    for (const { index, enrolments, events } of enrolled) {
      const { plan } = history.leads[index]!;
      for (const enrolment of enrolments.filter((e) => e.status === "stopped")) {
        reasons.add(enrolment.stopReason!);
        if (enrolment.stopReason === "replied") {
          expect(plan.touches.some((touch) => touch.direction === "in" && touch.channel === "email" && touch.at === enrolment.endedAt)).toBe(true);
          expect(events.find((event) => event.type === "replied")?.at).toBe(enrolment.endedAt);
        }
        if (enrolment.stopReason === "won" || enrolment.stopReason === "lost" || enrolment.stopReason === "disqualified") {
          expect(plan.outcome).toMatchObject({ kind: enrolment.stopReason, at: enrolment.endedAt });
        }
      }
    }
    expect([...reasons]).toEqual(expect.arrayContaining(["replied", "manual", "lost", "opted_out"]));
  });

  it("finishes a follow-up only once the grace period after its last step has passed, then moves the lead into the nurture", () => {
    let finishedCount = 0;
    for (const { enrolments, messages, tasks } of enrolled) {
      for (const enrolment of enrolments.filter((e) => e.status === "finished")) {
        finishedCount++;
        const stepTimes = [...messages.map((m) => [m.enrolmentId, m.queuedAt] as const), ...tasks.map((t) => [t.enrolmentId, t.dueAt] as const)];
        const lastStepAt = Math.max(...stepTimes.filter(([enrolmentId]) => enrolmentId === enrolment.id).map(([, at]) => at));
        expect(enrolment.endedAt!).toBeGreaterThan(lastStepAt);
        expect(enrolments[enrolments.indexOf(enrolment) + 1]).toMatchObject({ sequenceId: sequences.nurture.id, enrolledVia: "nurture", enrolledAt: enrolment.endedAt });
      }
    }
    expect(finishedCount).toBeGreaterThan(10);
  });

  it("suppresses the addresses that opted out or bounced, and marks opted-out leads", () => {
    const suppressed = enrolled.filter(({ suppression }) => suppression !== null);
    expect(suppressed.some(({ suppression }) => suppression!.reason === "opted_out")).toBe(true);
    for (const { index, suppression, isOptedOut, enrolments, events } of suppressed) {
      const { lead } = history.leads[index]!;
      expect(suppression!.value).toBe(lead.email!.toLowerCase());
      expect(isOptedOut).toBe(suppression!.reason === "opted_out");
      expect(enrolments.at(-1)).toMatchObject({ status: "stopped", stopReason: suppression!.reason, endedAt: suppression!.createdAt });
      expect(events.find((event) => event.type === suppression!.reason)?.at).toBe(suppression!.createdAt);
    }
  });

  it("leaves the most recent call and LinkedIn tasks open in their owners' queues", () => {
    const tasks = enrolled.flatMap(({ tasks }) => tasks);
    const open = tasks.filter((task) => task.doneAt === null);
    expect(open.length).toBeGreaterThan(0);
    expect(open.length).toBeLessThan(tasks.length / 10);
    expect(open.every((task) => task.dueAt < END_AT && task.dueAt > END_AT - 30 * DAY_MS)).toBe(true);
    expect(tasks.every((task) => task.doneAt === null || (task.doneAt > task.dueAt && task.doneAt < END_AT))).toBe(true);
    expect(tasks.every((task) => !task.instructions.includes("{{"))).toBe(true);
  });
});
