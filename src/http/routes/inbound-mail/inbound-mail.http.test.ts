import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp } from "../../../../test/support/http.js";
import { captureLeadOwnedBy } from "../../../../test/support/owned-lead.js";
import { rawMail } from "../../../../test/support/raw-mail.js";
import { listLeadEvents } from "../../../store/events.js";
import { writeSetting } from "../../../store/settings.js";

const SECRET = "inbound-secret-0123456789";
const URL = "/api/v1/inbound/email";

describe.each(ENGINES)("POST /api/v1/inbound/email on %s", (engine) => {
  let t: TestApp;
  let leadId: string;
  const reply = (messageId: string) => rawMail({ from: "Ann <ann@example.com>", to: "rep@sales.example", subject: "Re: hello", messageId, text: "Yes please." });

  beforeAll(async () => {
    t = await createTestApp(engine);
    leadId = await captureLeadOwnedBy(t.ctx, t.as.rep.userId, { email: "ann@example.com" });
  });
  afterAll(() => t.destroy());

  it("refuses forwarded mail while no secret is set, and changes nothing", async () => {
    const response = await t.app.inject({ method: "POST", url: URL, headers: { "content-type": "message/rfc822", "x-inbound-secret": SECRET }, payload: reply("<off@example.com>") });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ field: "X-Inbound-Secret" });
    expect((await listLeadEvents(t.ctx.db, leadId)).map((event) => event.type)).not.toContain("replied");
  });

  it("refuses a missing or different secret with 401", async () => {
    await writeSetting(t.ctx.db, "inboundEmailSecret", SECRET, 0);
    for (const headers of [{}, { "x-inbound-secret": "nope" }, { "x-inbound-secret": `${SECRET}x` }]) {
      const response = await t.app.inject({ method: "POST", url: URL, headers: { "content-type": "message/rfc822", ...headers }, payload: reply("<bad@example.com>") });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ field: "X-Inbound-Secret" });
    }
  });

  it("takes raw MIME with the secret in the header or the query, once per Message-ID", async () => {
    const first = await t.app.inject({ method: "POST", url: URL, headers: { "content-type": "message/rfc822", "x-inbound-secret": SECRET }, payload: reply("<yes@example.com>") });
    expect(first.statusCode).toBe(202);
    expect(first.json()).toEqual({ id: expect.any(String), kind: "reply", leadId, isDuplicate: false });
    const again = await t.app.inject({ method: "POST", url: `${URL}?secret=${SECRET}`, headers: { "content-type": "text/plain" }, payload: reply("<yes@example.com>") });
    expect(again.json()).toEqual({ ...first.json(), isDuplicate: true });
    const bytes = await t.app.inject({ method: "POST", url: `${URL}?secret=${SECRET}`, headers: { "content-type": "application/octet-stream" }, payload: rawMail({ from: "who@example.net", to: "rep@sales.example", subject: "Hi", text: "?" }) });
    expect(bytes.json()).toMatchObject({ kind: "unmatched", leadId: null });
  });

  it("answers 400 naming the body to bytes that are no readable email", async () => {
    const payload = Buffer.from(`From: ann@example.com\r\nX-Huge: ${"x".repeat(2 * 1024 * 1024)}\r\n\r\nHi\r\n`);
    const response = await t.app.inject({ method: "POST", url: URL, headers: { "content-type": "message/rfc822", "x-inbound-secret": SECRET }, payload });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: "body" });
  });

  it("answers 415 to other content types and 413 above 10 MB", async () => {
    const json = await t.app.inject({ method: "POST", url: URL, headers: { "content-type": "application/json", "x-inbound-secret": SECRET }, payload: JSON.stringify({ raw: "x" }) });
    expect(json.statusCode).toBe(415);
    const huge = await t.app.inject({ method: "POST", url: URL, headers: { "content-type": "message/rfc822", "x-inbound-secret": SECRET }, payload: Buffer.alloc(10 * 1024 * 1024 + 1, 97) });
    expect(huge.statusCode).toBe(413);
  });
});
