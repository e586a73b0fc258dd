import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeMailboxTransports } from "../../../channels/mailbox-transport.js";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/support/http.js";
import { type SmtpSink, startSmtpSink } from "../../../../test/support/smtp-sink.js";
import { workspaceEvents } from "../../../../test/support/workspace-events.js";

const SECRET = "s3cret-Pa55word";

describe.each(ENGINES)("mailboxes API (%s)", (engine) => {
  let t: TestApp;
  let sink: SmtpSink;
  beforeAll(async () => {
    t = await createTestApp(engine);
    sink = await startSmtpSink({ rejectRecipient: (address) => address.startsWith("nobody@") });
  });
  afterAll(async () => {
    closeMailboxTransports();
    await sink.close();
    await t.destroy();
  });

  const url = (userId: string, suffix = "") => `/api/v1/users/${userId}/mailbox${suffix}`;
  const put = (userId: string, payload: object, as: TestUser = t.as.rep) => t.app.inject({ method: "PUT", url: url(userId), headers: as.headers, payload });
  const get = (userId: string, as: TestUser = t.as.rep) => t.app.inject({ method: "GET", url: url(userId), headers: as.headers });
  const testEmail = (userId: string, to: string, as: TestUser = t.as.rep) => t.app.inject({ method: "POST", url: url(userId, "/test"), headers: as.headers, payload: { to } });
  const mailbox = (overrides: object = {}) => ({ fromName: "Rita Rep", fromAddress: "Rita@Sales.example", smtpUrl: `smtps://rita:${SECRET}@smtp.sales.example:465`, imapUrl: `imaps://rita:${SECRET}@imap.sales.example:993`, hourlyLimit: 50, dailyLimit: 400, ...overrides });

  it("saves a person's own mailbox and shows its servers without passwords, keeping the saved one when the URL leaves it out", async () => {
    const saved = await put(t.as.rep.userId, mailbox());
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({
      userId: t.as.rep.userId,
      fromName: "Rita Rep",
      fromAddress: "rita@sales.example",
      smtp: { host: "smtp.sales.example", port: 465, user: "rita", isSecure: true, passwordIsSet: true },
      imap: { host: "imap.sales.example", port: 993, user: "rita", isSecure: true, passwordIsSet: true },
      hourlyLimit: 50,
      dailyLimit: 400,
      imapCheckedAt: null,
      imapError: null,
      updatedAt: expect.any(String),
    });
    const read = await get(t.as.rep.userId);
    expect(read.json()).toEqual(saved.json());

    const edited = await put(t.as.rep.userId, mailbox({ smtpUrl: "smtps://rita@smtp.sales.example:465", imapUrl: null, hourlyLimit: 80 }));
    expect(edited.json()).toMatchObject({ smtp: { passwordIsSet: true }, imap: null, hourlyLimit: 80 });
    for (const response of [saved, read, edited]) expect(response.body).not.toContain(SECRET);
    const events = await workspaceEvents(t.ctx.db, "mailbox_saved");
    expect(events.length).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain(SECRET);
  });

  it("sends a test email through the mailbox and quotes the server's reply", async () => {
    expect((await put(t.as.rep.userId, mailbox({ smtpUrl: sink.url, imapUrl: null }))).statusCode).toBe(200);
    const sent = await testEmail(t.as.rep.userId, "rita.private@home.example");
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toEqual({ messageId: expect.stringMatching(/^<.+>$/), response: expect.stringMatching(/^250/) });
    await sink.waitForMessages(1);
    expect(sink.messages.at(-1)).toMatchObject({ from: "rita@sales.example", to: ["rita.private@home.example"] });
  });

  it("answers a refused recipient with 400 naming to, and a server it cannot reach with 502 naming smtpUrl, never a 500", async () => {
    expect((await put(t.as.rep.userId, mailbox({ smtpUrl: sink.url, imapUrl: null }))).statusCode).toBe(200);
    const refused = await testEmail(t.as.rep.userId, "nobody@home.example");
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json()).toMatchObject({ code: "invalid", field: "to", detail: expect.stringContaining("No such mailbox") });

    const gone = await startSmtpSink();
    await gone.close();
    // The pooled transport is kept per mailbox version (updatedAt): a save in the same millisecond would reuse it.
    t.ctx.clock.advance(1000);
    expect((await put(t.as.rep.userId, mailbox({ smtpUrl: gone.url, imapUrl: null }))).statusCode).toBe(200);
    const unreachable = await testEmail(t.as.rep.userId, "rita.private@home.example");
    expect(unreachable.statusCode, unreachable.body).toBe(502);
    expect(unreachable.headers["content-type"]).toContain("application/problem+json");
    expect(unreachable.json()).toMatchObject({ code: "upstream_failed", field: "smtpUrl", detail: expect.stringContaining("refused") });
  });

  it.each([
    [{ smtpUrl: "http://smtp.sales.example" }, "smtpUrl"],
    [{ smtpUrl: "not a url" }, "smtpUrl"],
    [{ imapUrl: "smtp://imap.sales.example" }, "imapUrl"],
    [{ smtpUrl: "smtp://%ZZ@smtp.sales.example" }, "smtpUrl"],
    [{ smtpUrl: "smtp://rita:%E0%A4%A@smtp.sales.example" }, "smtpUrl"],
    [{ imapUrl: "imaps://%ZZ:pw@imap.sales.example" }, "imapUrl"],
    [{ fromAddress: "nobody" }, "fromAddress"],
    [{ hourlyLimit: 0 }, "hourlyLimit"],
    [{ dailyLimit: 100_001 }, "dailyLimit"],
    [{ password: "x" }, "password"],
  ])("refuses %j naming %s", async (overrides, field) => {
    const response = await put(t.as.rep.userId, mailbox(overrides));
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code: "invalid", field });
  });

  it("lets a rep manage only their own mailbox; managers and admins manage anyone's", async () => {
    const others = await put(t.as.otherRep.userId, mailbox(), t.as.rep);
    expect(others.statusCode).toBe(403);
    expect(others.json()).toMatchObject({ code: "forbidden", field: "userId" });
    expect((await get(t.as.rep.userId, t.as.otherRep)).statusCode).toBe(403);
    expect((await testEmail(t.as.rep.userId, "x@home.example", t.as.otherRep)).statusCode).toBe(403);

    expect((await put(t.as.otherRep.userId, mailbox({ fromAddress: "oscar@sales.example" }), t.as.manager)).statusCode).toBe(200);
    expect((await get(t.as.otherRep.userId, t.as.admin)).json()).toMatchObject({ fromAddress: "oscar@sales.example" });
    const removed = await t.app.inject({ method: "DELETE", url: url(t.as.otherRep.userId), headers: t.as.admin.headers });
    expect(removed.statusCode).toBe(204);
    const none = await get(t.as.otherRep.userId, t.as.otherRep);
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ code: "not_found", field: "userId" });
    expect((await put("user_missing", mailbox(), t.as.admin)).statusCode).toBe(404);
  });
});
