import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { captureLead } from "../../src/services/capture-leads.js";
import type { ServiceContext } from "../../src/services/context.js";
import { hashPassword } from "../../src/services/passwords.js";
import { findLeadById, updateLead } from "../../src/store/leads.js";
import { insertUsers } from "../../src/store/users.js";
import { eventually, hasChromium, journeyTitle, logIn, screenshot, useBrowserJourney } from "../support/browser-journey.js";

const PASSWORD = "a long enough password";
const REP_EMAIL = "rico@e2e.closeloop.dev";
const DAY_MS = 86_400_000;

/** A rep who can log in and owns one fresh lead. */
async function seed(ctx: ServiceContext): Promise<{ leadId: string }> {
  const rep = { id: ctx.ids("user"), email: REP_EMAIL, name: "Rico Rep", role: "rep" as const, timezone: "UTC", isActive: true, createdAt: ctx.clock.now() };
  await insertUsers(ctx.db, [{ user: rep, passwordHash: await hashPassword(PASSWORD) }]);
  const { leadId } = await captureLead(ctx, { payload: { email: "ada@analytical.example", name: "Ada Lovelace", company: "Analytical Engines", source: "webinar" }, actor: "form:contact-us" });
  await updateLead(ctx.db, { ...(await findLeadById(ctx.db, leadId))!, ownerId: rep.id });
  return { leadId };
}

/** "2026-03-03T10:00": a datetime-local value (the rep's zone is UTC) `days` from now. */
const localIn = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 11) + "10:00";

async function answerQualification(page: Page): Promise<void> {
  const panel = page.getByRole("region", { name: "Qualification" });
  for (const [criterion, answer] of [["Budget", "Yes"], ["Authority", "Yes"], ["Need / fit", "Yes"], ["Timeline", "Unknown"]]) {
    await panel.getByRole("group", { name: criterion }).getByRole("radio", { name: answer }).check();
  }
  await panel.getByLabel("Budget notes").fill("40k set aside for this year");
  await panel.getByLabel("Cost of inaction (why now)").fill("Every month without it costs two lost deals");
  await panel.getByRole("button", { name: "Save qualification" }).click();
  await eventually(() => panel.locator(".badge").first().textContent()).toBe("Qualifying");
  await eventually(() => panel.getByText(/Answered by Rico Rep/).count()).toBe(4);
}

async function setNextStep(page: Page): Promise<void> {
  const panel = page.getByRole("region", { name: "Next step" });
  await panel.getByRole("button", { name: "Set next step" }).click();
  await panel.getByLabel("Next step", { exact: true }).fill("Call to agree the discovery agenda");
  await panel.getByLabel("Due", { exact: true }).fill(localIn(1));
  await panel.getByRole("button", { name: "Set next step" }).click();
  await eventually(() => panel.textContent()).toContain("Call to agree the discovery agenda");
  expect(await panel.textContent()).toMatch(/Scheduled.*Owner: Rico Rep/);
}

async function holdFirstMeeting(page: Page): Promise<void> {
  const panel = page.getByRole("region", { name: "Meetings" });
  await panel.getByRole("button", { name: "Book a meeting" }).click();
  await panel.getByLabel("Starts").fill(localIn(-1));
  await panel.getByLabel("Title").fill("Discovery call");
  await panel.getByRole("button", { name: "Book meeting" }).click();
  const outcome = panel.getByRole("group", { name: "How did “Discovery call” go?" });
  await outcome.getByRole("button", { name: "Held" }).click();
  const readiness = panel.getByRole("form", { name: "Readiness check after the first meeting" });
  await readiness.getByRole("group", { name: "Did they arrive understanding the problem?" }).getByRole("radio", { name: "Yes" }).check();
  await readiness.getByRole("group", { name: "Did they understand our approach?" }).getByRole("radio", { name: "No" }).check();
  await readiness.getByRole("group", { name: "Were they ready to evaluate us?" }).getByRole("radio", { name: "Yes" }).check();
  await readiness.getByLabel("Notes").fill("Thought we were an agency");
  await readiness.getByRole("button", { name: "Save readiness check" }).click();
  await eventually(() => panel.getByRole("list", { name: "Meetings, oldest first" }).textContent()).toContain("Belief debt 1 of 3: not there on the approach.");
}

describe.skipIf(!hasChromium)(journeyTitle("lead pipeline journey"), () => {
  const journey = useBrowserJourney(seed);

  it("qualifies a lead, sets its next step, holds the first meeting with its readiness check and finishes the step with the following one", async () => {
    const { page, baseUrl, seeded: { leadId } } = journey();
    await page.goto(`${baseUrl}/leads/${leadId}`);
    await logIn(page, REP_EMAIL, PASSWORD);
    await eventually(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Ada Lovelace");
    await eventually(() => page.getByRole("region", { name: "Stage: New" }).isVisible()).toBe(true);

    await answerQualification(page);
    await setNextStep(page);
    await holdFirstMeeting(page);

    const nextStep = page.getByRole("region", { name: "Next step" });
    await nextStep.getByRole("button", { name: "Done" }).click();
    await nextStep.getByLabel("What came of it (optional)").fill("Agenda agreed");
    await nextStep.getByLabel("Next step", { exact: true }).fill("Send the proposal");
    await nextStep.getByLabel("Due", { exact: true }).fill(localIn(3));
    await nextStep.getByRole("button", { name: "Mark done" }).click();
    await eventually(() => nextStep.textContent()).toContain("Send the proposal");

    const timeline = page.getByRole("list", { name: "Timeline, newest first" });
    await eventually(() => timeline.locator("li strong").allTextContents()).toEqual(expect.arrayContaining(["Qualification answered", "Next step set", "Meeting booked", "Meeting held", "Readiness checked", "Next step done"]));
    expect(await timeline.locator("li.event-readiness_checked").textContent()).toContain("Belief debt 1 of 3");
    await screenshot(page, "lead-pipeline");
  });
});
