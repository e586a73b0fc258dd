import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { captureLead } from "../../src/services/capture-leads.js";
import type { ServiceContext } from "../../src/services/context.js";
import { hashPassword } from "../../src/services/passwords.js";
import { insertUsers } from "../../src/store/users.js";
import { eventually, hasChromium, journeyTitle, logIn, screenshot, useBrowserJourney } from "../support/browser-journey.js";

const PASSWORD = "a long enough password";
const MANAGER_EMAIL = "maya@e2e.closeloop.dev";
const DEMO_LEAD = "Ada Lovelace";

/** A manager, a VP who asked for a demo on the demo form, and a newsletter reader with a personal address. */
async function seed(ctx: ServiceContext): Promise<{ leadId: string }> {
  const passwordHash = await hashPassword(PASSWORD);
  const manager = { id: ctx.ids("user"), email: MANAGER_EMAIL, name: "Maya Manager", role: "manager" as const, timezone: "Europe/Berlin", isActive: true, createdAt: ctx.clock.now() };
  await insertUsers(ctx.db, [{ user: manager, passwordHash }]);
  const { leadId } = await captureLead(ctx, {
    payload: { email: "ada@analytical.example", firstName: "Ada", lastName: "Lovelace", company: "Analytical Engines", title: "VP of Engineering", source: "website" },
    actor: "form:demo-request",
  });
  await captureLead(ctx, { payload: { email: "charles@gmail.com", firstName: "Charles", lastName: "Babbage", source: "blog" }, actor: "form:newsletter" });
  return { leadId };
}

/** The sample lead's row in the preview, and the score the draft gives it. */
const previewRow = (page: Page) => page.getByRole("region", { name: "Preview on sample leads" }).getByRole("row", { name: DEMO_LEAD });
const previewScore = async (page: Page) => Number(await previewRow(page).locator(".preview-score .score-value").textContent());

describe.skipIf(!hasChromium)(journeyTitle("scoring journey"), () => {
  const journey = useBrowserJourney(seed);

  it("edits a rule and sees the preview score change, then reads a lead's score explanation", async () => {
    const { page, baseUrl, seeded: { leadId } } = journey();
    await page.goto(`${baseUrl}/settings/scoring`);
    await logIn(page, MANAGER_EMAIL, PASSWORD);
    await eventually(() => page.getByRole("heading", { name: "Scoring rules", level: 1 }).isVisible()).toBe(true);

    // Before any edit the draft is the saved rules: the preview matches the current score.
    await eventually(() => previewRow(page).count()).toBe(1);
    const current = Number(await previewRow(page).locator(".current-score .score-value").textContent());
    const before = await previewScore(page);
    expect(before).toBe(current);
    expect(await previewRow(page).getByRole("list").textContent()).toContain("Asked for a demo");

    // "Asked for a demo" is worth 45 intent points by default; worth 5, Ada's preview drops and her saved score stays.
    const demoRule = page.getByRole("group", { name: "Intent rule 1", exact: true });
    expect(await demoRule.getByLabel("Label").inputValue()).toBe("Asked for a demo");
    await demoRule.getByLabel("Points").fill("5");
    await eventually(() => previewScore(page)).toBeLessThan(before);
    expect(Number(await previewRow(page).locator(".current-score .score-value").textContent())).toBe(current);
    await screenshot(page, "scoring-editor");

    // A box the API refuses: the preview pauses, naming the rule and the box.
    await demoRule.getByLabel("Points").fill("500");
    await eventually(() => page.getByRole("region", { name: "Preview on sample leads" }).getByRole("alert").textContent()).toContain("Intent rule 1 (Asked for a demo) › points");
    await page.getByRole("button", { name: "Save scoring rules" }).click();
    await eventually(() => demoRule.locator(".field-error").textContent()).toContain("must be");
    expect(await demoRule.getByLabel("Points").getAttribute("aria-invalid")).toBe("true");

    // The lead page explains the (saved) score in words, the full list one click away.
    await page.goto(`${baseUrl}/leads/${leadId}`);
    const panel = page.getByRole("region", { name: "Score", exact: true });
    await eventually(() => panel.getByRole("list", { name: "Why this score" }).textContent()).toContain("Asked for a demo");
    expect(await panel.textContent()).toMatch(/Fit\s*\d+/);
    await panel.getByText(/^All \d+ contributions$/).click();
    await eventually(() => panel.locator(".contribution-lines").textContent()).toContain("Senior title");
    await screenshot(page, "lead-score");
  });
});
