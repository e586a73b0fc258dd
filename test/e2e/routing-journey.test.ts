import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createApiKey } from "../../src/services/api-keys/create-api-key.js";
import { captureLead } from "../../src/services/capture-leads.js";
import type { ServiceContext } from "../../src/services/context.js";
import { handOffLead } from "../../src/services/handoffs/hand-off-lead.js";
import { hashPassword } from "../../src/services/passwords.js";
import { insertUsers } from "../../src/store/users.js";
import { eventually, hasChromium, journeyTitle, logIn, screenshot, useBrowserJourney } from "../support/browser-journey.js";

const PASSWORD = "a long enough password";
const MANAGER_EMAIL = "maya@e2e.closeloop.dev";
const REP_EMAIL = "rico@e2e.closeloop.dev";

/**
 * A manager and a rep who can log in, an API key for capture, and one older lead the manager
 * has handed to the rep, so the rep's queue holds more than the lead the journey captures.
 */
async function seed(ctx: ServiceContext): Promise<{ apiKey: string }> {
  const passwordHash = await hashPassword(PASSWORD);
  const person = (name: string, email: string, role: "manager" | "rep") => ({ id: ctx.ids("user"), email, name, role, timezone: "UTC", isActive: true, createdAt: ctx.clock.now() });
  const manager = person("Maya Manager", MANAGER_EMAIL, "manager");
  const rep = person("Rico Rep", REP_EMAIL, "rep");
  await insertUsers(ctx.db, [
    { user: manager, passwordHash },
    { user: rep, passwordHash },
  ]);
  const older = await captureLead(ctx, { payload: { email: "old@lead.example", name: "Olga Older", company: "Slow Corp", source: "referral" }, actor: "form:contact-us" });
  await handOffLead(ctx, { kind: "user", userId: manager.id, role: "manager" }, older.leadId, { toUserId: rep.id, checklist: {}, reason: "Rico covers referrals" });
  const { key } = await createApiKey(ctx, { name: "e2e capture", scopes: ["leads:write"] }, `user:${manager.id}`);
  return { apiKey: key };
}


/** As the manager: a 5-minute wall-clock SLA policy, so the countdown is minutes whatever the hour the test runs. */
async function createHotPolicy(page: Page): Promise<void> {
  await page.getByRole("button", { name: "New SLA policy" }).click();
  await page.getByLabel("Policy name").fill("Hot: 5 minutes");
  await page.getByLabel("First response within (minutes)").fill("5");
  await page.getByLabel("Counted in").selectOption("wall");
  await page.getByRole("button", { name: "Create policy" }).click();
  await eventually(() => page.getByRole("heading", { name: "Hot: 5 minutes", level: 3 }).isVisible()).toBe(true);
}

/** As the manager: webinar leads from Germany or Austria go to Rico, least loaded, under the hot policy. */
async function createEmeaRule(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Add rule" }).click();
  await page.getByLabel("Rule name").fill("Enterprise EMEA");
  await page.getByRole("button", { name: "Add condition" }).click();
  await page.getByLabel("Condition 1 value").fill("webinar");
  await page.getByRole("button", { name: "Add condition" }).click();
  await page.getByLabel("Condition 2 field").fill("country");
  await page.getByLabel("Condition 2 operator").selectOption("in");
  await page.getByLabel("Condition 2 value").fill("DE, AT");
  await page.getByRole("checkbox", { name: /Rico Rep/ }).check();
  await page.getByLabel("Strategy").selectOption("least_loaded");
  await page.getByLabel("SLA policy").selectOption({ label: "Hot: 5 minutes" });
  await page.getByRole("button", { name: "Add rule" }).click();
  const rules = page.getByRole("list", { name: "Routing rules, in the order they are tried" });
  const rule = rules.getByRole("listitem").first();
  await eventually(() => rule.locator("p").textContent()).toBe("When source is webinar and country is one of DE, AT → Rico Rep by least loaded (open leads against capacity) · SLA Hot: 5 minutes");
  expect(await rule.getByRole("heading").textContent()).toBe("Enterprise EMEA");
}

describe.skipIf(!hasChromium)(journeyTitle("routing journey"), () => {
  const journey = useBrowserJourney(seed);

  it("configures a rule, previews it, and the captured lead tops the owner's queue with a live SLA countdown and its routing reason", async () => {
    const { page, baseUrl, seeded: { apiKey } } = journey();
    await page.goto(`${baseUrl}/settings/sla`);
    await logIn(page, MANAGER_EMAIL, PASSWORD);
    await eventually(() => page.getByRole("heading", { name: "SLA policies", level: 1 }).isVisible()).toBe(true);
    await createHotPolicy(page);

    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Routing rules" }).click();
    await eventually(() => page.getByRole("heading", { name: "Routing rules", level: 1 }).isVisible()).toBe(true);
    await createEmeaRule(page);

    const testForm = page.getByRole("form", { name: "Test this lead" });
    await testForm.getByLabel("Email").fill("klaus@berger.example");
    await testForm.getByLabel("Source").fill("webinar");
    await testForm.getByLabel("Country").fill("DE");
    await testForm.getByLabel("Company").fill("Berger Maschinenbau");
    await testForm.getByRole("button", { name: "Test" }).click();
    await eventually(() => testForm.locator(".preview-result").textContent()).toContain("Rico Rep");
    const preview = await testForm.locator(".preview-result").textContent();
    expect(preview).toContain("Enterprise EMEA");
    expect(preview).toContain("rule 'Enterprise EMEA' → least loaded: Rico Rep");
    expect(preview).toContain("Hot: 5 minutes");
    await screenshot(page, "routing-rules");

    const response = await fetch(`${baseUrl}/api/v1/leads`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ email: "klaus@berger.example", name: "Klaus Berger", company: "Berger Maschinenbau", source: "webinar", country: "DE", message: "Pricing for 200 seats?" }),
    });
    expect(response.status).toBe(201);

    await page.getByRole("button", { name: "Log out" }).click();
    await logIn(page, REP_EMAIL, PASSWORD);
    await eventually(() => page.getByRole("heading", { name: "My queue", level: 1 }).isVisible()).toBe(true);
    await eventually(() => page.locator("a[data-lead-id]").allTextContents()).toEqual(["Klaus Berger", "Olga Older"]);
    const countdown = page.locator("tbody tr").first().locator(".sla");
    const firstReading = await countdown.textContent();
    expect(firstReading).toMatch(/^◷ [45]:\d\d left$/);
    // Live: the same row reads a different second a moment later, with no reload.
    await eventually(() => countdown.textContent()).not.toBe(firstReading);
    await screenshot(page, "my-queue");

    await page.getByRole("link", { name: "Klaus Berger" }).click();
    await eventually(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Klaus Berger");
    // Names arrive with the team list, a moment after the lead.
    await eventually(() => page.locator(".lead-header").textContent()).toMatch(/Owner: Rico Rep · First response: ◷ [45]:\d\d left/);
    const assigned = page.getByRole("list", { name: "Timeline, newest first" }).locator("li.event-assigned");
    await eventually(() => assigned.textContent()).toContain("To Rico Rep: rule 'Enterprise EMEA' → least loaded: Rico Rep");
    await screenshot(page, "routed-lead");
  });
});
