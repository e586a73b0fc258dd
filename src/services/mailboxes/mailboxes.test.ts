import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../domain/access/permission.js";
import { closeMailboxTransports } from "../../channels/mailbox-transport.js";
import { findMailbox, recordImapPoll } from "../../store/mailboxes.js";
import { insertUsers } from "../../store/users.js";
import { failureOf } from "../../../test/support/domain-failure.js";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../../test/support/engines.js";
import { buildPerson } from "../../../test/support/factories.js";
import { type SmtpSink, startSmtpSink } from "../../../test/support/smtp-sink.js";
import type { MailboxInput } from "./mailbox-input.js";
import { readMailbox } from "./read-mailbox.js";
import { removeMailbox } from "./remove-mailbox.js";
import { saveMailbox } from "./save-mailbox.js";
import { sendTestEmail } from "./send-test-email.js";

const MANAGER: Principal = { kind: "user", userId: "user_mgr", role: "manager" };
const REP: Principal = { kind: "user", userId: "user_rep", role: "rep" };
const OTHER_REP: Principal = { kind: "user", userId: "user_other", role: "rep" };
const SECRET = "s3cret-Pa55";

const mailboxInput = (overrides: Partial<MailboxInput> = {}): MailboxInput => ({
  fromName: "Rita Rep",
  fromAddress: "Rita@Acme.test",
  smtpUrl: `smtps://rita%40acme.test:${SECRET}@mail.acme.test:465`,
  imapUrl: `imaps://rita%40acme.test:${SECRET}@mail.acme.test:993`,
  hourlyLimit: 50,
  dailyLimit: 300,
  ...overrides,
});

describe.each(ENGINES)("mailboxes on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  let sink: SmtpSink;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
    await insertUsers(database.db, [buildPerson("user_mgr", { role: "manager" }), buildPerson("user_rep"), buildPerson("user_other")]);
    sink = await startSmtpSink({ rejectRecipient: (address) => address.startsWith("nobody@") });
  });
  afterAll(async () => {
    closeMailboxTransports();
    await sink.close();
    await database.destroy();
  });

  it("saves a mailbox and shows it without passwords, in the view and in mailbox_saved", async () => {
    const view = await saveMailbox(ctx, REP, "user_rep", mailboxInput());
    expect(view).toEqual({
      userId: "user_rep",
      fromName: "Rita Rep",
      fromAddress: "rita@acme.test",
      smtp: { host: "mail.acme.test", port: 465, user: "rita@acme.test", isSecure: true, passwordIsSet: true },
      imap: { host: "mail.acme.test", port: 993, user: "rita@acme.test", isSecure: true, passwordIsSet: true },
      hourlyLimit: 50,
      dailyLimit: 300,
      imapCheckedAt: null,
      imapError: null,
      updatedAt: ctx.clock.now(),
    });
    expect(await readMailbox(ctx, REP, "user_rep")).toEqual(view);
    const events = await database.db.selectFrom("events").select(["data", "actor"]).where("type", "=", "mailbox_saved").execute();
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(SECRET);
  });

  it("keeps the saved password when the URL leaves it out for the same server and user, and the IMAP position with it", async () => {
    await saveMailbox(ctx, REP, "user_rep", mailboxInput());
    await recordImapPoll(database.db, "user_rep", { uidValidity: 7, lastUid: 42, checkedAt: 5, error: null });
    ctx.clock.advance(1000);
    await saveMailbox(ctx, REP, "user_rep", mailboxInput({ smtpUrl: "smtps://rita%40acme.test@mail.acme.test:465", imapUrl: "imaps://rita%40acme.test@mail.acme.test:993", hourlyLimit: 80 }));
    expect(await findMailbox(database.db, "user_rep")).toMatchObject({ hourlyLimit: 80, imapUidValidity: 7, imapLastUid: 42, smtpUrl: expect.stringContaining(SECRET), imapUrl: expect.stringContaining(SECRET) });
    await saveMailbox(ctx, REP, "user_rep", mailboxInput({ smtpUrl: "smtp://rita@other.test:587", imapUrl: "imaps://rita@other.test" }));
    const moved = await findMailbox(database.db, "user_rep");
    expect(moved).toMatchObject({ smtpUrl: "smtp://rita@other.test:587", imapUidValidity: null, imapLastUid: null });
  });

  it("keeps the saved password when the settings form sends back a login with + escaped that was typed bare", async () => {
    await saveMailbox(ctx, REP, "user_rep", mailboxInput({ smtpUrl: `smtps://sales+crm%40example.com:${SECRET}@mail.acme.test:465`, imapUrl: `imaps://sales+crm%40example.com:${SECRET}@mail.acme.test:993` }));
    ctx.clock.advance(1000);
    // As the form rebuilds it: the user through encodeURIComponent, no password.
    const view = await saveMailbox(ctx, REP, "user_rep", mailboxInput({ smtpUrl: "smtps://sales%2Bcrm%40example.com@mail.acme.test:465", imapUrl: "imaps://sales%2Bcrm%40example.com@mail.acme.test:993" }));
    expect(view).toMatchObject({ smtp: { user: "sales+crm@example.com", passwordIsSet: true }, imap: { user: "sales+crm@example.com", passwordIsSet: true } });
    expect(await findMailbox(database.db, "user_rep")).toMatchObject({ smtpUrl: expect.stringContaining(SECRET), imapUrl: expect.stringContaining(SECRET) });
  });

  it("lets people manage their own mailbox and managers anyone's, naming the field of bad input", async () => {
    expect(await failureOf(saveMailbox(ctx, OTHER_REP, "user_rep", mailboxInput()))).toEqual({ code: "forbidden", field: "userId" });
    expect(await failureOf(readMailbox(ctx, OTHER_REP, "user_rep"))).toEqual({ code: "forbidden", field: "userId" });
    await saveMailbox(ctx, MANAGER, "user_other", mailboxInput({ imapUrl: null }));
    expect(await readMailbox(ctx, MANAGER, "user_other")).toMatchObject({ imap: null });
    expect(await failureOf(saveMailbox(ctx, MANAGER, "user_missing", mailboxInput()))).toEqual({ code: "not_found", field: "userId" });
    const refusals: [Partial<MailboxInput>, string][] = [
      [{ smtpUrl: "https://mail.acme.test" }, "smtpUrl"],
      [{ smtpUrl: "not a url" }, "smtpUrl"],
      [{ imapUrl: "smtp://mail.acme.test" }, "imapUrl"],
      [{ fromAddress: "rita" }, "fromAddress"],
      [{ fromName: "Rita\r\nBcc: everyone@acme.test" }, "fromName"],
      [{ hourlyLimit: 0 }, "hourlyLimit"],
      [{ dailyLimit: 100_001 }, "dailyLimit"],
      [{ dailyLimit: 2.5 }, "dailyLimit"],
    ];
    for (const [overrides, field] of refusals) expect([field, await failureOf(saveMailbox(ctx, REP, "user_rep", mailboxInput(overrides)))]).toEqual([field, { code: "invalid", field }]);
  });

  it("sends a test email through the mailbox's server; a refused recipient is invalid `to`, an unreachable server upstream_failed, with the server's words", async () => {
    ctx.clock.advance(1000);
    await saveMailbox(ctx, REP, "user_rep", mailboxInput({ smtpUrl: sink.url, imapUrl: null }));
    const result = await sendTestEmail(ctx, REP, "user_rep", "Me@Acme.test");
    expect(result.response).toMatch(/^250/);
    await sink.waitForMessages(1);
    const received = sink.messages.at(-1)!;
    expect(received.to).toEqual(["me@acme.test"]);
    expect(received.header("From")).toBe("Rita Rep <rita@acme.test>");
    const refused = sendTestEmail(ctx, REP, "user_rep", "nobody@acme.test");
    await expect(refused).rejects.toThrow(/5\.1\.1 No such mailbox/);
    expect(await failureOf(sendTestEmail(ctx, REP, "user_rep", "nobody@acme.test"))).toEqual({ code: "invalid", field: "to" });
    expect(await failureOf(sendTestEmail(ctx, REP, "user_rep", "not-an-address"))).toEqual({ code: "invalid", field: "to" });
    ctx.clock.advance(1000);
    await saveMailbox(ctx, REP, "user_rep", mailboxInput({ smtpUrl: "smtp://127.0.0.1:1", imapUrl: null }));
    expect(await failureOf(sendTestEmail(ctx, REP, "user_rep", "me@acme.test"))).toEqual({ code: "upstream_failed", field: "smtpUrl" });
  });

  it("removes a mailbox; reading it then is not_found", async () => {
    await saveMailbox(ctx, REP, "user_rep", mailboxInput());
    await removeMailbox(ctx, REP, "user_rep");
    expect(await failureOf(readMailbox(ctx, REP, "user_rep"))).toEqual({ code: "not_found", field: "userId" });
    expect(await failureOf(removeMailbox(ctx, REP, "user_rep"))).toEqual({ code: "not_found", field: "userId" });
    expect(await failureOf(sendTestEmail(ctx, REP, "user_rep", "me@acme.test"))).toEqual({ code: "not_found", field: "userId" });
  });
});
