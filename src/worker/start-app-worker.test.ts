import { describe, expect, it } from "vitest";
import { SMTP_SEND_WORST_CASE_MS } from "../channels/mailbox-transport.js";
import { APP_MESSAGE_LOCK_MS } from "./start-app-worker.js";

describe("the app worker's message lease", () => {
  it("outlasts two of the slowest SMTP sends (one it waits behind, then its own), so a slow mail server never gets a step sent twice", () => {
    expect(APP_MESSAGE_LOCK_MS).toBeGreaterThan(2 * SMTP_SEND_WORST_CASE_MS);
  });
});
