import { existsSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { type Browser, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../src/clock.js";
import { parseConfig } from "../../src/config.js";
import { buildApp } from "../../src/http/build-app.js";
import { captureLead } from "../../src/services/capture-leads.js";
import type { ServiceContext } from "../../src/services/context.js";
import { hashPassword } from "../../src/services/passwords.js";
import { insertUsers } from "../../src/store/users.js";
import { openTestDatabase, type TestDatabase, testContext } from "../support/engines.js";

const CHROMIUM_PATH = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM_PATH);
const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
const EMAIL = "maya@e2e.closeloop.dev";
const PASSWORD = "a long enough password";
/** Set to a directory (e.g. /tmp) to keep screenshots of the list and the lead page for a look. */
const SCREENSHOT_DIR = process.env.E2E_SCREENSHOT_DIR;

/** Waits for the page to catch up; generous because the whole suite shares two cores with this browser. */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });

type Journey = { database: TestDatabase; webDir: string; app: FastifyInstance; browser: Browser; baseUrl: string; adaId: string };

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

async function startJourney(): Promise<Journey> {
  const webDir = mkdtempSync(path.join(tmpdir(), "closeloop-e2e-web-"));
  await build({ configFile: path.join(REPO_ROOT, "web/vite.config.ts"), build: { outDir: webDir, emptyOutDir: true }, logLevel: "silent" });
  const database = await openTestDatabase("sqlite");
  // The wall clock, not the manual one: the browser drops a session cookie whose expiry lies in its past.
  const ctx: ServiceContext = { ...testContext(database.db), clock: systemClock };
  const { adaId } = await seed(ctx);
  const app = await buildApp({ ctx, config: parseConfig({ LOG_LEVEL: "silent" }), webDir });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return { database, webDir, app, browser, baseUrl, adaId };
}

async function screenshot(page: Page, name: string): Promise<void> {
  if (SCREENSHOT_DIR) await page.screenshot({ path: path.join(SCREENSHOT_DIR, `closeloop-${name}.png`), fullPage: true });
}

describe.skipIf(!hasChromium)(`lead journey in Chromium${hasChromium ? "" : ` (skipped: ${CHROMIUM_PATH} is not installed; apt-get install chromium)`}`, () => {
  let journey: Journey;
  let page: Page;

  beforeAll(async () => {
    journey = await startJourney();
    page = await journey.browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await journey?.browser.close();
    await journey?.app.close();
    await journey?.database.destroy();
    if (journey) rmSync(journey.webDir, { recursive: true, force: true });
  });

  it("logs in, filters the list, opens a lead from the keyboard, reads its timeline and logs out", async () => {
    const { baseUrl, adaId } = journey;
    await page.goto(`${baseUrl}/leads`);
    await page.getByLabel("Email").fill(EMAIL);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();

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
    // Routing adds its own entries between the two; the journey cares that both captures are there, newest first.
    const eventNames = await timeline.locator("li strong").allTextContents();
    expect([eventNames[0], eventNames.at(-1)]).toEqual(["Duplicate merged in", "Lead captured"]);
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
