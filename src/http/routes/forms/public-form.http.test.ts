import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isVisitorTokenFor } from "../../../services/scoring/visitor-tokens.js";
import { countLeads, findLeadsByIds } from "../../../store/leads.js";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp } from "../../../../test/support/http.js";

describe.each(ENGINES)("public form endpoint on %s", (engine) => {
  let t: TestApp;
  let formKey: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/forms",
      headers: t.as.manager.headers,
      payload: { name: "Contact us", source: "website", thankYouUrl: "https://example.com/thanks" },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().snippetHtml).toContain(`/f/${created.json().formKey}`);
    formKey = created.json().formKey;
  });
  afterAll(() => t.destroy());

  const post = (payload: string, ip: string, contentType = "application/x-www-form-urlencoded") =>
    t.app.inject({ method: "POST", url: `/f/${formKey}`, headers: { "content-type": contentType }, payload, remoteAddress: ip });

  it("captures a browser post and redirects to the thank-you URL with the lead's visitor token", async () => {
    const before = await countLeads(t.ctx.db);
    const response = await post("name=Web+Visitor&email=visitor%40example.com", "10.0.0.1");
    expect(response.statusCode).toBe(303);
    const location = new URL(response.headers.location as string);
    expect(`${location.origin}${location.pathname}`).toBe("https://example.com/thanks");
    const token = location.searchParams.get("cl_visitor")!;
    const [lead] = await findLeadsByIds(t.ctx.db, [token.slice(0, token.lastIndexOf("."))]);
    expect(lead?.email).toBe("visitor@example.com");
    expect(await isVisitorTokenFor(t.ctx, token, lead!.id)).toBe(true);
    expect(await countLeads(t.ctx.db)).toBe(before + 1);
  });

  it("answers JSON posts with 201 and the visitor token", async () => {
    const response = await post(JSON.stringify({ email: "script@example.com" }), "10.0.0.2", "application/json");
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ ok: true, visitor: expect.stringMatching(/^lead_\w+\.[\w-]{22}$/) });
  });

  it("keeps the built-in thank-you page of a form without its own free of the token", async () => {
    const created = await t.app.inject({ method: "POST", url: "/api/v1/forms", headers: t.as.manager.headers, payload: { name: "No thank-you page" } });
    const key = created.json().formKey as string;
    const response = await t.app.inject({ method: "POST", url: `/f/${key}`, headers: { "content-type": "application/x-www-form-urlencoded" }, payload: "email=plain%40example.com", remoteAddress: "10.0.0.6" });
    expect([response.statusCode, response.headers.location]).toEqual([303, `/f/${key}/thanks`]);
  });

  it("silently drops a submission with the honeypot filled (no visitor token)", async () => {
    const before = await countLeads(t.ctx.db);
    const response = await post("email=bot%40example.com&company_website=spam", "10.0.0.3");
    expect([response.statusCode, response.headers.location]).toEqual([303, "https://example.com/thanks"]);
    expect(await countLeads(t.ctx.db)).toBe(before);
  });

  it("shows a readable page naming the field for an invalid browser post", async () => {
    const response = await post("email=nope", "10.0.0.4");
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("text/html");
    expect(response.body).toContain("email: must be an email address");
  });

  it("answers 429 once an IP exceeds the per-minute limit, without affecting other IPs", async () => {
    const limit = t.config.formRateLimitPerMinute;
    const statuses: number[] = [];
    for (let i = 0; i <= limit; i++) statuses.push((await post(`email=burst${i}%40example.com`, "10.0.0.99")).statusCode);
    expect(statuses.slice(0, limit).every((s) => s === 303)).toBe(true);
    expect(statuses[limit]).toBe(429);
    expect((await post("email=calm%40example.com", "10.0.0.100")).statusCode).toBe(303);
  });

  it("accepts a post from someone logged in to Closeloop without a CSRF token (it is a public form)", async () => {
    const cookie = t.as.rep.headers.cookie!;
    const response = await t.app.inject({ method: "POST", url: `/f/${formKey}`, headers: { "content-type": "application/json", cookie }, payload: JSON.stringify({ email: "preview@example.com" }), remoteAddress: "10.0.0.5" });
    expect(response.statusCode).toBe(201);
  });

  it("answers 404 for an unknown form", async () => {
    const response = await t.app.inject({ method: "POST", url: "/f/unknown", headers: { "content-type": "application/json" }, payload: "{}" });
    expect(response.statusCode).toBe(404);
  });
});
