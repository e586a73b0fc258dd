import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import { checkTemplate, renderStep, renderTemplate, TEMPLATE_VARIABLES, type TemplateVariables, templateVariablesOf } from "./template.js";

const variables: TemplateVariables = templateVariablesOf({
  lead: { firstName: "Ana", lastName: "Silva", email: "ana@acme.test", company: null, title: "  ", source: "webinar", campaign: null, country: "PT" },
  owner: { name: "Bo Jensen", email: "bo@closeloop.test" },
  companyName: "Closeloop",
  unsubscribeUrl: "https://crm.test/u/abc",
});

function problemOf(source: string): { field: string | undefined; message: string } | null {
  try {
    checkTemplate(source, "steps.2.body");
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { field: error.field, message: error.message };
  }
}

describe("checkTemplate", () => {
  it("accepts every listed variable, defaults, conditions and loops", () => {
    const everything = TEMPLATE_VARIABLES.map(({ name }) => `{{ ${name} }}`).join(" ");
    expect(problemOf(everything)).toBeNull();
    expect(problemOf(`{% if lead.company %}at {{ lead.company | upcase }}{% endif %} {{ lead.title | default: "there" }} {{ lead.firstName.size }}`)).toBeNull();
  });

  it("names an unknown variable and the field", () => {
    const problem = problemOf("Hi {{ lead.fristName }}");
    expect(problem?.field).toBe("steps.2.body");
    expect(problem?.message).toContain("lead.fristName");
    expect(problemOf("{{ lead }}")?.message).toContain("unknown variable lead");
    expect(problemOf("{{ lead.custom.plan | default: 'x' }}")?.message).toContain("lead.custom.plan");
  });

  it("rejects an unknown filter and a syntax error", () => {
    expect(problemOf("{{ lead.firstName | shout }}")?.message).toContain("undefined filter: shout");
    expect(problemOf("Hi {{ lead.firstName ")).toMatchObject({ field: "steps.2.body", message: expect.stringContaining("not closed") });
    expect(problemOf("{% if lead.company %}no end")?.field).toBe("steps.2.body");
  });

  it("cannot reach files", () => {
    expect(problemOf("{% include 'secrets' %}")?.field).toBe("steps.2.body");
    expect(problemOf("{% render 'secrets' %}")?.field).toBe("steps.2.body");
  });
});

describe("renderTemplate", () => {
  it("fills in the lead, owner and company, without HTML escaping", () => {
    expect(renderTemplate("Hi {{ lead.firstName }}, {{ owner.firstName }} from {{ company.name }} <{{ owner.email }}> & co", variables)).toEqual({
      isRendered: true,
      text: "Hi Ana, Bo from Closeloop <bo@closeloop.test> & co",
    });
    expect(renderTemplate("{{ lead.name }}", variables)).toEqual({ isRendered: true, text: "Ana Silva" });
  });

  it("makes a missing or blank value a problem that names the variable, never a blank", () => {
    const missing = renderTemplate("Hi {{ lead.firstName }} at {{ lead.company }}", variables);
    expect(missing).toMatchObject({ isRendered: false, problem: expect.stringContaining("lead.company") });
    expect(renderTemplate("{{ lead.title }}", variables)).toMatchObject({ isRendered: false, problem: expect.stringContaining("lead.title") });
    expect(renderTemplate("{{ lead.firstName | append: lead.campaign }}", variables)).toMatchObject({ isRendered: false, problem: expect.stringContaining("lead.campaign") });
  });

  it("uses the default the author wrote, and lets conditions test for a value", () => {
    expect(renderTemplate(`{{ lead.company | default: "your team" }}`, variables)).toEqual({ isRendered: true, text: "your team" });
    expect(renderTemplate(`{{ lead.firstName | default: "there" }}`, variables)).toEqual({ isRendered: true, text: "Ana" });
    expect(renderTemplate("{% if lead.company %}at {{ lead.company }}{% else %}at your company{% endif %}", variables)).toEqual({ isRendered: true, text: "at your company" });
  });
});

describe("templateVariablesOf", () => {
  it("has no owner values for an unowned lead and a name only when there is one", () => {
    const unowned = templateVariablesOf({ lead: { firstName: null, lastName: null, email: null, company: null, title: null, source: null, campaign: null, country: null }, owner: null, companyName: null, unsubscribeUrl: null });
    expect(Object.values(unowned).every((value) => value === null)).toBe(true);
    expect(Object.keys(unowned).sort()).toEqual(TEMPLATE_VARIABLES.map(({ name }) => name).sort());
    expect(renderTemplate("Hi, {{ owner.firstName }} here", unowned)).toMatchObject({ isRendered: false, problem: expect.stringMatching(/^owner\.firstName has no value/) });
  });
});

describe("renderStep", () => {
  const step = { channel: "email" as const, subject: "Quick question,\n {{ lead.firstName }}", body: "Hi {{ lead.firstName }},\n\nSee how others did it.\n", proofAssetIds: ["pa2", "pa1"] };
  const proofAssets = [
    { id: "pa1", title: "Acme cut response time by 80%", url: "https://example.test/acme" },
    { id: "pa2", title: "ROI in 90 days", url: "https://example.test/roi" },
    { id: "pa3", title: "Not linked", url: "https://example.test/other" },
  ];

  it("renders subject on one line and appends the linked proof assets in the step's order", () => {
    expect(renderStep(step, variables, proofAssets)).toEqual({
      isRendered: true,
      subject: "Quick question, Ana",
      text: "Hi Ana,\n\nSee how others did it.\n\nROI in 90 days\nhttps://example.test/roi\n\nAcme cut response time by 80%\nhttps://example.test/acme",
    });
  });

  it("leaves the body alone without proof assets", () => {
    expect(renderStep({ ...step, proofAssetIds: [] }, variables, proofAssets)).toMatchObject({ text: "Hi Ana,\n\nSee how others did it.\n" });
  });

  it("says which part has the problem", () => {
    expect(renderStep({ ...step, subject: "For {{ lead.company }}" }, variables, [])).toMatchObject({ isRendered: false, problem: expect.stringMatching(/^subject: lead\.company/) });
    expect(renderStep({ ...step, body: "{{ lead.title }}" }, variables, [])).toMatchObject({ isRendered: false, problem: expect.stringMatching(/^body: lead\.title/) });
  });

  it("ignores the subject of a task step", () => {
    expect(renderStep({ channel: "call", subject: "{{ lead.company }}", body: "Call {{ lead.name }}", proofAssetIds: [] }, variables, [])).toEqual({ isRendered: true, subject: "", text: "Call Ana Silva" });
  });
});

describe("checkTemplate with workspace values not set yet", () => {
  const check = (source: string) => () => checkTemplate(source, "steps.0.body", ["company.name"]);

  it("refuses a template that prints the value without a default", () => {
    expect(check("Greetings from {{ company.name }}")).toThrow(/steps\.0\.body: uses company\.name, which is not set/);
    expect(check("{% if lead.firstName %}{{ company.name | upcase }}{% endif %}")).toThrow(/company\.name/);
  });

  it("accepts it with a default, in a condition, or not used", () => {
    expect(check(`Greetings from {{ company.name | default: "us" }}`)).not.toThrow();
    expect(check("{% if company.name %}from {{ company.name }}{% endif %}")).not.toThrow();
    expect(check("Hi {{ lead.firstName }}")).not.toThrow();
  });
});
