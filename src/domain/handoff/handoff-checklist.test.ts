import { describe, expect, it } from "vitest";
import type { Lead } from "../lead/lead.js";
import { missingHandoffItems, prefillHandoff } from "./handoff-checklist.js";

const lead = {
  source: "webinar",
  campaign: "q2-launch",
  message: "Need a demo for 40 seats",
  title: "VP Sales",
  company: "Acme",
  custom: { seats: 40, region: "EMEA" },
} as unknown as Lead;

describe("prefillHandoff", () => {
  it("fills what the lead and its timeline already say", () => {
    const timeline = [{ id: 1, leadId: "l", type: "content_engaged", actor: "system", at: 1, data: { title: "Pricing guide" } }];
    expect(prefillHandoff(lead, timeline)).toEqual({
      sourceAndCampaign: "webinar / q2-launch",
      askedFor: "Need a demo for 40 seats",
      qualifyingDetails: "VP Sales at Acme; seats: 40; region: EMEA",
      contentEngaged: "Pricing guide",
      recommendedNextStep: null,
    });
  });

  it("reports the items still empty, so an incomplete handoff is visible", () => {
    const checklist = prefillHandoff({ ...lead, message: null, custom: {}, title: null, company: null } as Lead, []);
    expect(missingHandoffItems({ ...checklist, recommendedNextStep: "  " })).toEqual(["askedFor", "qualifyingDetails", "contentEngaged", "recommendedNextStep"]);
  });
});
