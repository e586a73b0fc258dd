import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { captureLead } from "../../src/services/capture-leads.js";
import type { ServiceContext } from "../../src/services/context.js";
import { createProofAsset } from "../../src/services/objections/create-proof-asset.js";
import { hashPassword } from "../../src/services/passwords.js";
import { findLeadById, updateLead } from "../../src/store/leads.js";
import { insertUsers } from "../../src/store/users.js";
import { eventually, hasChromium, journeyTitle, logIn, screenshot, useBrowserJourney } from "../support/browser-journey.js";

const PASSWORD = "a long enough password";
const MANAGER_EMAIL = "maya@e2e.closeloop.dev";
const SEQUENCE_NAME = "Inbound demo follow-up";
/** The owner's zone, which the lead falls back to: the lead page shows the next send in it beside the viewer's. */
const OWNER_ZONE = "America/New_York";

/** A manager in Berlin who builds the sequence, a rep in New York who owns Ada's lead, and a case study to link. */
async function seed(ctx: ServiceContext): Promise<{ leadId: string }> {
  const passwordHash = await hashPassword(PASSWORD);
  const person = (name: string, email: string, role: "manager" | "rep", timezone: string) => ({ id: ctx.ids("user"), email, name, role, timezone, isActive: true, createdAt: ctx.clock.now() });
  const manager = person("Maya Manager", MANAGER_EMAIL, "manager", "Europe/Berlin");
  const rep = person("Rico Rep", "rico@e2e.closeloop.dev", "rep", OWNER_ZONE);
  await insertUsers(ctx.db, [
    { user: manager, passwordHash },
    { user: rep, passwordHash },
  ]);
  const { leadId } = await captureLead(ctx, { payload: { email: "ada@analytical.example", firstName: "Ada", lastName: "Lovelace", company: "Analytical Engines", source: "webinar" }, actor: "form:contact-us" });
  await updateLead(ctx.db, { ...(await findLeadById(ctx.db, leadId))!, ownerId: rep.id });
  await createProofAsset(ctx, { kind: "case_study", title: "How Babbage & Co cut response time", url: "https://proof.example/babbage" }, `user:${manager.id}`);
  return { leadId };
}

const stepGroup = (page: Page, position: number) => page.getByRole("group", { name: `Step ${position}`, exact: true });

/** Fills one step: its day, channel, and (email) subject or (task) instructions and body. */
async function fillStep(step: Locator, fields: { day: number; channel: string; subject?: string; body: string }): Promise<void> {
  await step.getByLabel("Day", { exact: true }).fill(String(fields.day));
  await step.getByLabel("Channel").selectOption({ label: fields.channel });
  if (fields.subject !== undefined) await step.getByLabel("Subject").fill(fields.subject);
  await step.getByLabel(fields.subject === undefined ? "What to do" : "Body", { exact: true }).fill(fields.body);
}

/** As the manager: four steps (email, call, email, LinkedIn) on days 0, 2, 5 and 10, the first linking the case study. */
async function buildSequence(page: Page): Promise<void> {
  await page.getByLabel("Sequence name").fill(SEQUENCE_NAME);
  await fillStep(stepGroup(page, 1), { day: 0, channel: "Email (sent automatically)", subject: "Quick question, {{ lead.firstName }}", body: "Hi {{ lead.firstName }},\n\nThanks for joining the webinar. Worth a short call?\n\n{{ owner.firstName }}" });
  await stepGroup(page, 1).getByRole("checkbox", { name: "How Babbage & Co cut response time" }).check();
  await stepGroup(page, 1).getByLabel("From").fill("08:30");
  for (const [position, fields] of [
    [2, { day: 2, channel: "Call (task)", body: "Call {{ lead.firstName }} about the webinar" }],
    [3, { day: 5, channel: "Email (sent automatically)", subject: "", body: "Hi {{ lead.firstName }}, how do you handle this as {{ lead.title }}?" }],
    [4, { day: 10, channel: "LinkedIn (task)", body: "Connect with {{ lead.name }} on LinkedIn" }],
  ] as const) {
    await page.getByRole("button", { name: "Add step" }).click();
    await fillStep(stepGroup(page, position), fields);
  }
}

/** Reads the instant in a `<time dateTime>` as the hour, minute and ISO weekday clocks show in `zone`. */
function wallClockIn(iso: string, zone: string): { weekday: number; minute: number } {
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-US", { timeZone: zone, weekday: "short", hour: "numeric", minute: "numeric", hourCycle: "h23" }).formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return { weekday: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.weekday!) + 1, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

describe.skipIf(!hasChromium)(journeyTitle("sequence journey"), () => {
  const journey = useBrowserJourney(seed);

  it("builds a 4-step sequence in the editor, previews it on a lead, enrols the lead from its page and shows the next send time", async () => {
    const { page, baseUrl, seeded: { leadId } } = journey();
    await page.goto(`${baseUrl}/sequences/new`);
    await logIn(page, MANAGER_EMAIL, PASSWORD);
    await eventually(() => page.getByRole("heading", { name: "New sequence", level: 1 }).isVisible()).toBe(true);
    await buildSequence(page);

    // Refused by the server: the step 3 email has no subject; the message stands beside that box.
    await page.getByRole("button", { name: "Create sequence" }).click();
    await eventually(() => stepGroup(page, 3).locator(".field-error").first().textContent()).toBe("must not be empty");
    expect(await page.getByRole("alert").last().textContent()).toContain("Not saved. Step 3: must not be empty");
    await stepGroup(page, 3).getByLabel("Subject").fill("One more thought, {{ lead.firstName }}");

    // Preview on a real lead: step 1 renders; step 3 names the variable Ada's lead lacks.
    await page.getByLabel("Find a lead").fill("Ada");
    await eventually(() => page.getByLabel("Preview lead").inputValue()).toBe(leadId);
    await stepGroup(page, 1).getByRole("button", { name: "Preview step 1" }).click();
    await eventually(() => stepGroup(page, 1).locator(".rendered-subject").textContent()).toBe("Quick question, Ada");
    const body = await stepGroup(page, 1).locator(".rendered-body").textContent();
    expect(body).toContain("Hi Ada,");
    expect(body).toContain("Rico");
    expect(body).toContain("https://proof.example/babbage");
    await stepGroup(page, 3).getByRole("button", { name: "Preview step 3" }).click();
    await eventually(() => stepGroup(page, 3).getByRole("alert").textContent()).toContain("lead.title");
    await screenshot(page, "sequence-editor");

    await page.getByRole("button", { name: "Create sequence" }).click();
    await eventually(() => page.getByRole("heading", { level: 1 }).textContent()).toContain(SEQUENCE_NAME);
    expect(new URL(page.url()).pathname).toMatch(/^\/sequences\/[^/]+$/);
    await page.getByRole("link", { name: "← Sequences" }).click();
    await eventually(() => page.getByRole("row", { name: new RegExp(SEQUENCE_NAME) }).textContent()).toContain("Email day 0 · Call day 2 · Email day 5 · LinkedIn day 10");

    await page.goto(`${baseUrl}/leads/${leadId}`);
    const followUp = page.getByRole("region", { name: "Follow-up" });
    await eventually(() => followUp.textContent()).toContain("Not in a sequence.");
    await followUp.getByLabel("Sequence", { exact: true }).selectOption({ label: SEQUENCE_NAME });
    await followUp.getByRole("button", { name: "Enrol" }).click();
    await eventually(() => followUp.textContent()).toContain("1 of 4: Email on day 0");
    expect(await followUp.textContent()).toContain("Running");
    expect(await followUp.textContent()).toContain(`lead's time (${OWNER_ZONE})`);

    // Day 0 goes out at the first opening of its window, 08:30–17:00 on weekdays in the lead's (owner's) zone.
    const nextSendAt = (await followUp.locator(".next-send time").getAttribute("datetime"))!;
    expect(Date.parse(nextSendAt)).toBeGreaterThanOrEqual(Date.now() - 60_000);
    const { weekday, minute } = wallClockIn(nextSendAt, OWNER_ZONE);
    expect(weekday).toBeLessThanOrEqual(5);
    expect(minute).toBeGreaterThanOrEqual(8 * 60 + 30);
    expect(minute).toBeLessThan(17 * 60);
    await eventually(() => page.getByRole("list", { name: "Timeline, newest first" }).locator("li strong").allTextContents()).toContain("Enrolled in a sequence");
    await screenshot(page, "lead-follow-up");
  });
});
