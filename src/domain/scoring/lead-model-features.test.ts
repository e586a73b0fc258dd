import { describe, expect, it } from "vitest";
import { isPersonalEmail, type LeadModelFacts, leadModelRecord } from "./lead-model-features.js";

const CREATED_AT = Date.UTC(2026, 0, 5, 9, 0);

const facts = (overrides: Partial<LeadModelFacts> = {}): LeadModelFacts => ({
  lead: { source: "webinar", campaign: "spring", channel: "paid", country: "DE", title: "Head of Sales", email: "ann@acme.example", custom: {}, createdAt: CREATED_AT },
  answers: [],
  firstResponseAt: null,
  engagement: { touches: 0, replies: 0, meetingsBooked: 0, pageViews: 0 },
  ...overrides,
});

describe("leadModelRecord", () => {
  it("describes who the lead is, what it answered and how it was worked", () => {
    const record = leadModelRecord(
      facts({
        lead: { ...facts().lead, custom: { employees: 120, industry: "Retail", isPartner: true, tags: ["a"], address: { city: "Berlin" } } },
        answers: [
          { criterion: "budget", answer: "yes" },
          { criterion: "timeline", answer: "unknown" },
        ],
        firstResponseAt: CREATED_AT + 90 * 60_000,
        engagement: { touches: 3, replies: 1, meetingsBooked: 1, pageViews: 7 },
      }),
    );
    expect(record).toEqual({
      source: "webinar",
      campaign: "spring",
      channel: "paid",
      country: "DE",
      titleSeniority: "director",
      personalAddress: false,
      "custom.employees": 120,
      "custom.industry": "Retail",
      "custom.isPartner": true,
      "qualification.budget": "yes",
      "qualification.timeline": "unknown",
      minutesToFirstResponse: 90,
      touches: 3,
      replies: 1,
      meetingsBooked: 1,
      pageViews: 7,
    });
  });

  it("leaves the first response missing when nobody answered, and unknown parts empty", () => {
    const record = leadModelRecord(facts({ lead: { ...facts().lead, source: null, title: null, email: null } }));
    expect(record).toMatchObject({ source: null, titleSeniority: "unknown", personalAddress: null, minutesToFirstResponse: null });
  });

  it("never names the lead's stage or outcome", () => {
    expect(Object.keys(leadModelRecord(facts()))).not.toEqual(expect.arrayContaining([expect.stringMatching(/stage|won|lost|closed|outcome/i)]));
  });
});

describe("isPersonalEmail", () => {
  it.each([
    ["ann@gmail.com", true],
    ["Ann@Hotmail.CO.UK", true],
    ["ann@acme.example", false],
    ["not-an-address", null],
    [null, null],
  ])("%s → %s", (email, isPersonal) => {
    expect(isPersonalEmail(email)).toBe(isPersonal);
  });
});
