import { existsSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, expect } from "vitest";
import { systemClock } from "../../src/clock.js";
import { parseConfig } from "../../src/config.js";
import { buildApp } from "../../src/http/build-app.js";
import type { ServiceContext } from "../../src/services/context.js";
import { openTestDatabase, testContext } from "./engines.js";

/** Debian's Chromium; browser journeys are skipped, saying so, where it is not installed. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

export const hasChromium = existsSync(CHROMIUM_PATH);

/** The describe title of a journey, with the reason when it is skipped. */
export function journeyTitle(name: string): string {
  return `${name} in Chromium${hasChromium ? "" : ` (skipped: ${CHROMIUM_PATH} is not installed; apt-get install chromium)`}`;
}

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

/** Set to a directory (e.g. /tmp) to keep screenshots of each journey's pages for a look. */
const SCREENSHOT_DIR = process.env.E2E_SCREENSHOT_DIR;

/** Waits for the page to catch up; generous because the whole suite shares two cores with this browser. */
export const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });

/** The real app with a freshly built web bundle, listening on a free port, and a browser. */
export type BrowserJourney<Seeded> = { baseUrl: string; browser: Browser; page: Page; seeded: Seeded; close(): Promise<void> };

/**
 * Builds the web bundle into a temp dir, seeds a fresh SQLite database, starts the app on a free
 * port and opens a Chromium page. The wall clock, not the manual one: the browser drops a
 * session cookie whose expiry lies in its past, and SLA countdowns run on real time.
 */
export async function startBrowserJourney<Seeded>(seed: (ctx: ServiceContext) => Promise<Seeded>): Promise<BrowserJourney<Seeded>> {
  const webDir = mkdtempSync(path.join(tmpdir(), "closeloop-e2e-web-"));
  await build({ configFile: path.join(REPO_ROOT, "web/vite.config.ts"), build: { outDir: webDir, emptyOutDir: true }, logLevel: "silent" });
  const database = await openTestDatabase("sqlite");
  const ctx: ServiceContext = { ...testContext(database.db), clock: systemClock };
  const seeded = await seed(ctx);
  const app = await buildApp({ ctx, config: parseConfig({ LOG_LEVEL: "silent" }), webDir });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(10_000);
  return {
    baseUrl: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    browser,
    page,
    seeded,
    close: async () => {
      await browser.close();
      await app.close();
      await database.destroy();
      rmSync(webDir, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot when E2E_SCREENSHOT_DIR is set. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (SCREENSHOT_DIR) await page.screenshot({ path: path.join(SCREENSHOT_DIR, `closeloop-${name}.png`), fullPage: true });
}

/** Starts a journey before the file's tests and closes it after; call the getter inside a test. */
export function useBrowserJourney<Seeded>(seed: (ctx: ServiceContext) => Promise<Seeded>): () => BrowserJourney<Seeded> {
  let journey: BrowserJourney<Seeded> | undefined;
  beforeAll(async () => {
    journey = await startBrowserJourney(seed);
  });
  afterAll(() => journey?.close());
  return () => {
    if (!journey) throw new Error("the browser journey has not started");
    return journey;
  };
}

/** Logs in through the login form. */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}
