import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../../test/support/engines.js";
import { createFollowUp, leadInSequence } from "../../../../test/support/follow-up-fixtures.js";
import { createTestApp, type TestApp } from "../../../../test/support/http.js";
import { unsubscribeUrlOf } from "../../../services/unsubscribe/unsubscribe-link.js";
import { fromJsonColumn } from "../../../store/engine.js";
import { findLeadById } from "../../../store/leads.js";
import { listEnrolmentsOfLead } from "../../../store/sequence-enrolments.js";
import { findSuppressionOf } from "../../../store/suppressions.js";

describe.each(ENGINES)("unsubscribe links on %s", (engine) => {
  let t: TestApp;
  let sequenceId: string;
  let serial = 0;
  beforeAll(async () => {
    t = await createTestApp(engine);
    sequenceId = (await createFollowUp(t.ctx, "Unsubscribe follow-up")).id;
  });
  afterAll(() => t.destroy());

  /** A lead of the rep's in the sequence, and the path of the link its emails carry. */
  async function enrolledLead() {
    const email = `reader${++serial}@buyer.example`;
    const leadId = await leadInSequence(t.ctx, t.as.rep.userId, email, sequenceId);
    const url = await unsubscribeUrlOf(t.ctx, t.ctx.db, "https://closeloop.example", { address: email, leadId }, t.ctx.clock.now());
    return { email, leadId, path: new URL(url).pathname };
  }
  const oneClick = (path: string, body = "List-Unsubscribe=One-Click", headers: Record<string, string> = {}) =>
    t.app.inject({ method: "POST", url: path, headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, payload: body });
  const optOutEvents = async (leadId: string) =>
    (await t.ctx.db.selectFrom("events").select("data").where("lead_id", "=", leadId).where("type", "=", "opted_out").execute()).map((e) => fromJsonColumn<{ via: string }>(e.data));

  it("shows a plain page that asks before unsubscribing, and changes nothing by being opened", async () => {
    const { email, leadId, path } = await enrolledLead();
    const page = await t.app.inject({ method: "GET", url: path });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain(email);
    expect(page.body).toContain(`<form method="post" action="${path}">`);
    expect(page.body).toContain('name="List-Unsubscribe" value="One-Click"');
    expect((await findLeadById(t.ctx.db, leadId))!.isOptedOut).toBe(false);
  });

  it("unsubscribes for good on a mail client's RFC 8058 one-click POST: suppressed, opted out, the sequence stopped", async () => {
    const { email, leadId, path } = await enrolledLead();
    const response = await oneClick(path);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).toContain("You are unsubscribed");
    expect((await findLeadById(t.ctx.db, leadId))!.isOptedOut).toBe(true);
    expect(await findSuppressionOf(t.ctx.db, email)).toMatchObject({ kind: "address", reason: "opted_out", leadId });
    expect(await listEnrolmentsOfLead(t.ctx.db, leadId)).toEqual([expect.objectContaining({ status: "stopped", stopReason: "opted_out" })]);
    expect(await optOutEvents(leadId)).toEqual([expect.objectContaining({ via: "one_click", address: email })]);
    // A second click (mail clients retry) is answered the same and records nothing new.
    expect((await oneClick(path)).statusCode).toBe(200);
    expect(await optOutEvents(leadId)).toHaveLength(1);
  });

  it("takes a one-click POST sent as multipart/form-data, as RFC 8058 allows", async () => {
    const { email, leadId, path } = await enrolledLead();
    const body = '--b0undary\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--b0undary--\r\n';
    const response = await t.app.inject({ method: "POST", url: path, headers: { "content-type": "multipart/form-data; boundary=b0undary" }, payload: body });
    expect(response.statusCode, response.body).toBe(200);
    expect(await findSuppressionOf(t.ctx.db, email)).toMatchObject({ reason: "opted_out" });
    expect(await optOutEvents(leadId)).toEqual([expect.objectContaining({ via: "one_click" })]);
  });

  it("unsubscribes from the page's button, even for someone whose browser holds a session without a CSRF token", async () => {
    const { leadId, path } = await enrolledLead();
    const response = await oneClick(path, "List-Unsubscribe=One-Click&via=page", { cookie: t.as.rep.headers.cookie! });
    expect(response.statusCode, response.body).toBe(200);
    expect(await optOutEvents(leadId)).toEqual([expect.objectContaining({ via: "page" })]);
  });

  it.each([
    ["a token this workspace did not sign", "/u/not-a-real-token", "List-Unsubscribe=One-Click"],
    ["a tampered token", null, "List-Unsubscribe=One-Click"],
    ["a body that is not the one-click request", null, "unsubscribe=yes"],
  ])("answers %s with a 400 page and unsubscribes nobody", async (_case, fixedPath, body) => {
    const { leadId, path } = await enrolledLead();
    const target = fixedPath ?? (body === "List-Unsubscribe=One-Click" ? `${path.slice(0, -2)}xx` : path);
    const response = await oneClick(target, body);
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("text/html");
    expect(response.body).toContain("This link does not work");
    expect((await findLeadById(t.ctx.db, leadId))!.isOptedOut).toBe(false);
    expect((await t.app.inject({ method: "GET", url: target === path ? "/u/not-a-real-token" : target })).statusCode).toBe(400);
  });
});
