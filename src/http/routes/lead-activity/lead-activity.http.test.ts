import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leadRescoreTimerKey } from "../../../domain/scoring/rescoring-triggers.js";
import { captureLead } from "../../../services/capture-leads.js";
import { visitorTokenFor } from "../../../services/scoring/visitor-tokens.js";
import { listLeadEvents } from "../../../store/events.js";
import { findTimerByKey } from "../../../store/timers.js";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp } from "../../../../test/support/http.js";

describe.each(ENGINES)("website activity on %s", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.destroy());

  let serial = 0;
  const newLead = async () => (await captureLead(t.ctx, { payload: { email: `reader${++serial}@activity.example` }, actor: "test" })).leadId;
  const activityOf = async (leadId: string) => (await listLeadEvents(t.ctx.db, leadId)).filter((event) => event.type === "activity");
  const page = { kind: "page_view", url: "https://www.acme.example/pricing", title: "Pricing" };

  type Post = { body: object | string; headers?: Record<string, string>; contentType?: string; ip?: string };
  const postActivity = (leadId: string, { body, headers = {}, contentType = "application/json", ip = "10.1.0.1" }: Post) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/leads/${leadId}/activity`,
      headers: { ...headers, "content-type": contentType },
      payload: typeof body === "string" ? body : JSON.stringify(body),
      remoteAddress: ip,
    });

  it("records activity sent with an API key holding leads:capture, and schedules the lead's rescoring", async () => {
    const leadId = await newLead();
    const response = await postActivity(leadId, { body: page, headers: t.as.leadsWriteKey.headers });
    expect([response.statusCode, response.json()]).toEqual([202, { accepted: true }]);
    expect(await activityOf(leadId)).toMatchObject([{ actor: `api_key:${t.as.leadsWriteKey.apiKeyId}`, data: { kind: "page_view", url: page.url, title: "Pricing" } }]);
    expect(await findTimerByKey(t.ctx.db, leadRescoreTimerKey(leadId))).toMatchObject({ task: "lead-rescore", status: "pending" });
  });

  it("records activity of a rep's session, and takes `at`", async () => {
    const leadId = await newLead();
    const at = new Date(t.ctx.clock.now() - 3_600_000).toISOString();
    const response = await postActivity(leadId, { body: { ...page, kind: "content", at }, headers: t.as.rep.headers });
    expect(response.statusCode).toBe(202);
    expect(await activityOf(leadId)).toMatchObject([{ actor: `user:${t.as.rep.userId}`, at: Date.parse(at), data: { kind: "content" } }]);
  });

  it("takes the lead's visitor token without credentials, as JSON or as a text/plain body holding JSON", async () => {
    const leadId = await newLead();
    const token = await visitorTokenFor(t.ctx, leadId);
    for (const contentType of ["application/json", "text/plain", "text/plain;charset=UTF-8"]) {
      const response = await postActivity(leadId, { body: { ...page, token }, contentType });
      expect(response.statusCode, contentType).toBe(202);
    }
    expect((await activityOf(leadId)).map((event) => event.actor)).toEqual(["visitor", "visitor", "visitor"]);
  });

  it("refuses another lead's token with 403 naming `token`, and no credentials at all with 401", async () => {
    const [leadId, otherLeadId] = [await newLead(), await newLead()];
    const forbidden = await postActivity(leadId, { body: { ...page, token: await visitorTokenFor(t.ctx, otherLeadId) }, contentType: "text/plain" });
    expect([forbidden.statusCode, forbidden.json().field]).toEqual([403, "token"]);
    expect((await postActivity(leadId, { body: { ...page, token: "made.up" } })).statusCode).toBe(403);
    expect((await postActivity(leadId, { body: page })).statusCode).toBe(401);
    expect(await activityOf(leadId)).toEqual([]);
  });

  it("answers 400 naming `url` for a URL that is not absolute http(s), and 404 for an unknown lead", async () => {
    const leadId = await newLead();
    const token = await visitorTokenFor(t.ctx, leadId);
    const badUrl = await postActivity(leadId, { body: { ...page, url: "/pricing", token } });
    expect([badUrl.statusCode, badUrl.json().field]).toEqual([400, "url"]);
    const unknown = await postActivity("lead_unknown", { body: page, headers: t.as.leadsWriteKey.headers });
    expect([unknown.statusCode, unknown.json().field]).toEqual([404, "id"]);
  });

  it("answers 400 for a text/plain body that is not JSON, and reads text/plain as JSON on this route only", async () => {
    const leadId = await newLead();
    expect((await postActivity(leadId, { body: "kind=page_view", contentType: "text/plain" })).statusCode).toBe(400);
    const capture = await t.app.inject({ method: "POST", url: "/api/v1/leads", headers: { ...t.as.leadsWriteKey.headers, "content-type": "text/plain" }, payload: JSON.stringify({ email: "plain@activity.example" }) });
    expect(capture.statusCode).toBe(400);
  });

  it("follows a visitor from a form's thank-you redirect to their page views", async () => {
    const form = await t.app.inject({ method: "POST", url: "/api/v1/forms", headers: t.as.manager.headers, payload: { name: "Demo request", thankYouUrl: "https://www.acme.example/thanks" } });
    const submitted = await t.app.inject({ method: "POST", url: `/f/${form.json().formKey}`, headers: { "content-type": "application/x-www-form-urlencoded" }, payload: "email=prospect%40activity.example", remoteAddress: "10.1.0.2" });
    const token = new URL(submitted.headers.location as string).searchParams.get("cl_visitor")!;
    const leadId = token.slice(0, token.lastIndexOf("."));
    const response = await postActivity(leadId, { body: { ...page, token }, contentType: "text/plain" });
    expect(response.statusCode).toBe(202);
    expect(await activityOf(leadId)).toHaveLength(1);
  });

  it("limits visitors' posts per IP, but not callers with credentials", async () => {
    const leadId = await newLead();
    const statuses: number[] = [];
    for (let i = 0; i <= 120; i++) statuses.push((await postActivity(leadId, { body: { ...page, token: "made.up" }, ip: "10.1.0.99" })).statusCode);
    expect(statuses.slice(0, 120).every((status) => status === 403)).toBe(true);
    expect(statuses[120]).toBe(429);
    expect((await postActivity(leadId, { body: page, headers: t.as.leadsWriteKey.headers, ip: "10.1.0.99" })).statusCode).toBe(202);
  });

  it("serves the snippet as cacheable JavaScript that posts to this app", async () => {
    const response = await t.app.inject({ method: "GET", url: "/activity.js" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/javascript");
    expect(response.headers["cache-control"]).toBe("public, max-age=3600");
    expect(response.body).toContain(`"${t.config.publicUrl}/api/v1/leads/"`);
  });
});
