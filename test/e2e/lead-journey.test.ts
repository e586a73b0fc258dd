import { describe, expect, it } from "vitest";
import { captureLead } from "../../src/services/capture-leads.js";
import type { ServiceContext } from "../../src/services/context.js";
import { hashPassword } from "../../src/services/passwords.js";
import { insertUsers } from "../../src/store/users.js";
import { eventually, hasChromium, journeyTitle, logIn, screenshot, useBrowserJourney } from "../support/browser-journey.js";

const EMAIL = "maya@e2e.closeloop.dev";
const PASSWORD = "a long enough password";

/** Seeds a manager who can log in, three leads, and a second capture of Ada that merges into her lead. */
async function seed(ctx: ServiceContext): Promise<{ adaId: string }> {
  const passwordHash = await hashPassword(PASSWORD);
  const user = { id: ctx.ids("user"), email: EMAIL, name: "Maya Manager", role: "manager" as const, timezone: "UTC", isActive: true, createdAt: ctx.clock.now() };
  await insertUsers(ctx.db, [{ user, passwordHash }]);
  const capture = (payload: Record<string, unknown>) => captureLead(ctx, { payload, actor: "form:contact-us" });
  const ada = await capture({ email: "ada@analytical.example", name: "Ada Lovelace", company: "Analytical Engines", source: "google", campaign: "spring", message: "We need a demo for 40 seats." });
  await capture({ email: "grace@navy.example", name: "Grace Hopper", company: "Navy Labs", source: "referral", phone: "+1 415 555 0100" });
  await capture({ email: "alan@bletchley.example", name: "Alan Turing", company: "Bletchley", source: "linkedin", budget: "50k" });
  await capture({ email: "ADA@analytical.example", phone: "+44 20 7946 0000", title: "Head of Computing" });
  return { adaId: ada.leadId };
}


describe.skipIf(!hasChromium)(journeyTitle("lead journey"), () => {
  const journey = useBrowserJourney(seed);

  it("logs in, filters the list, opens a lead from the keyboard, reads its timeline and logs out", async () => {
    const { page, baseUrl, seeded: { adaId } } = journey();
    await page.goto(`${baseUrl}/leads`);
    await logIn(page, EMAIL, PASSWORD);

    await eventually(() => page.getByRole("heading", { name: "Leads" }).isVisible()).toBe(true);
    await eventually(() => page.locator("a[data-lead-id]").allTextContents()).toEqual(["Alan Turing", "Grace Hopper", "Ada Lovelace"]);
    expect(await page.getByRole("banner").textContent()).toContain("Maya Manager");
    await screenshot(page, "lead-list");

    await page.keyboard.press("/");
    await page.keyboard.type("analytical");
    await eventually(() => page.locator("a[data-lead-id]").allTextContents()).toEqual(["Ada Lovelace"]);
    expect(new URL(page.url()).searchParams.get("q")).toBe("analytical");

    await page.keyboard.press("Escape");
    await page.keyboard.press("j");
    await page.keyboard.press("Enter");
    await eventually(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Ada Lovelace");
    expect(new URL(page.url()).pathname).toBe(`/leads/${adaId}`);
    expect(await page.locator(".facts").first().textContent()).toContain("Head of Computing");

    const timeline = page.getByRole("list", { name: "Timeline, newest first" });
    // Routing and scoring add their own entries; the journey cares that both captures are there, newest first.
    const captures = (await timeline.locator("li strong").allTextContents()).filter((name) => name === "Duplicate merged in" || name === "Lead captured");
    expect(captures).toEqual(["Duplicate merged in", "Lead captured"]);
    await timeline.locator("li").last().getByText("Captured payload").click();
    expect(await timeline.locator("li").last().locator("pre").textContent()).toContain("We need a demo for 40 seats.");
    await screenshot(page, "lead-page");

    await page.keyboard.press("Escape");
    await eventually(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Ada Lovelace");
    expect(new URL(page.url()).search).toBe("?q=analytical");

    await page.reload();
    await eventually(() => page.locator("a[data-lead-id]").allTextContents()).toEqual(["Ada Lovelace"]);

    await page.getByRole("button", { name: "Log out" }).click();
    await eventually(() => page.getByRole("heading", { name: "Log in to Closeloop" }).isVisible()).toBe(true);
    await page.goto(`${baseUrl}/leads/${adaId}`);
    await eventually(() => page.getByRole("heading", { name: "Log in to Closeloop" }).isVisible()).toBe(true);
  });
});
