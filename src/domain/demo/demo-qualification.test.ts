import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PIPELINE } from "../pipeline/pipeline-config.js";
import { demoQualificationOf } from "./demo-qualification.js";
import { type DemoHistory, generateDemoHistory } from "./generate-demo-history.js";

const END_AT = Date.UTC(2026, 2, 2, 9, 0);
const CRITERIA = DEFAULT_PIPELINE.qualificationCriteria;

describe("demoQualificationOf", () => {
  let history: DemoHistory;
  beforeAll(() => {
    history = generateDemoHistory({ seed: 5, endAt: END_AT, days: 90, leadsPerDay: 20 });
  });

  it("answers every criterion yes just before the meeting that qualified the lead, as one `qualification_answered`", () => {
    const qualified = history.leads.filter((l) => l.plan.stageChanges.some((c) => c.stage === "qualified"));
    expect(qualified.length).toBeGreaterThan(50);
    for (const demoLead of qualified) {
      const qualifiedAt = demoLead.plan.stageChanges.find((c) => c.stage === "qualified")!.at;
      const { answers, events } = demoQualificationOf(demoLead, CRITERIA);
      expect(answers.map((a) => [a.criterion, a.answer])).toEqual(CRITERIA.map(({ key }) => [key, "yes"]));
      expect(answers.every((a) => a.answeredAt === qualifiedAt - 60_000 && a.answeredBy === "demo")).toBe(true);
      expect(events).toEqual([{ leadId: demoLead.lead.id, type: "qualification_answered", actor: "demo", at: qualifiedAt - 60_000, data: expect.objectContaining({ status: "qualified" }) }]);
    }
  });

  it("answers no to the criterion a disqualification names, before the lead closed; leads never qualified nor disqualified were not asked", () => {
    const noBy = { no_budget: "budget", not_decision_maker: "authority", poor_fit: "need", no_timeline: "timeline", student_job_seeker: "need" };
    for (const demoLead of history.leads) {
      const { outcome, stageChanges } = demoLead.plan;
      const { answers, events } = demoQualificationOf(demoLead, CRITERIA);
      if (stageChanges.some((c) => c.stage === "qualified")) continue;
      if (outcome.kind !== "disqualified") {
        expect(answers).toEqual([]);
        continue;
      }
      expect(answers).toEqual([{ criterion: noBy[outcome.reason], answer: "no", notes: null, answeredBy: "demo", answeredAt: outcome.at - 60_000 }]);
      expect(events[0]!.data).toMatchObject({ status: "in_progress", costOfInaction: null });
    }
  });

  it("skips a disqualification whose criterion the pipeline does not ask", () => {
    const disqualified = history.leads.find((l) => l.plan.outcome.kind === "disqualified" && l.plan.outcome.reason === "no_budget")!;
    expect(demoQualificationOf(disqualified, CRITERIA.filter(({ key }) => key !== "budget"))).toEqual({ answers: [], events: [] });
  });
});
