import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listLeadEvents } from "../../store/events.js";
import { countLeads, findLeadById } from "../../store/leads.js";
import { ENGINES, openTestDatabase, type TestDatabase, testContext } from "../../../test/support/engines.js";
import { isVisitorTokenFor } from "../scoring/visitor-tokens.js";
import { changeForm, createForm } from "./save-form.js";
import { submitForm } from "./submit-form.js";

describe.each(ENGINES)("submitForm on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database.destroy());

  const settings = { name: "Demo request", source: "website", campaign: "spring-launch", thankYouUrl: "https://example.com/thanks", isActive: true };

  it("captures with the form's source and campaign unless the page sent its own", async () => {
    const ctx = testContext(database.db);
    const form = await createForm(ctx, settings, "user:admin");
    const first = await submitForm(ctx, form.formKey, { email: "form@example.com", name: "Fay Form" });
    expect(first.thankYouUrl).toBe("https://example.com/thanks");
    expect(await isVisitorTokenFor(ctx, first.visitorToken!, first.leadId!)).toBe(true);
    expect(await findLeadById(database.db, first.leadId!)).toMatchObject({ source: "website", campaign: "spring-launch", channel: "form", firstName: "Fay" });
    const tagged = await submitForm(ctx, form.formKey, { email: "tagged@example.com", utmSource: "newsletter" });
    expect(await findLeadById(database.db, tagged.leadId!)).toMatchObject({ source: "website", utm: { source: "newsletter" } });
    expect((await listLeadEvents(database.db, first.leadId!))[0]).toMatchObject({ type: "created", actor: `form:${form.formKey}` });
  });

  it("drops a submission whose honeypot is filled, storing nothing", async () => {
    const ctx = testContext(database.db);
    const form = await createForm(ctx, settings, "user:admin");
    const before = await countLeads(database.db);
    const result = await submitForm(ctx, form.formKey, { email: "bot@example.com", company_website: "http://spam.example" });
    expect(result).toEqual({ thankYouUrl: "https://example.com/thanks", leadId: null, visitorToken: null });
    expect(await countLeads(database.db)).toBe(before);
  });

  it("refuses unknown and deactivated forms, and a thank-you URL that is not http(s)", async () => {
    const ctx = testContext(database.db);
    const form = await createForm(ctx, settings, "user:admin");
    await changeForm(ctx, form.id, { isActive: false }, "user:admin");
    await expect(submitForm(ctx, form.formKey, { email: "x@example.com" })).rejects.toMatchObject({ code: "not_found" });
    await expect(submitForm(ctx, "nope", { email: "x@example.com" })).rejects.toMatchObject({ code: "not_found" });
    await expect(createForm(ctx, { ...settings, thankYouUrl: "javascript:alert(1)" }, "user:admin")).rejects.toMatchObject({ field: "thankYouUrl" });
  });
});
