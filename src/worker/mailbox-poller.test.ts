import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendToInbox, type Dovecot, dovecotTitle, hasDovecot, startDovecot } from "../../test/support/dovecot.js";
import { ENGINES, openTestDatabase, type TestContext, type TestDatabase, testContext } from "../../test/support/engines.js";
import { captureLeadOwnedBy } from "../../test/support/owned-lead.js";
import { rawMail } from "../../test/support/raw-mail.js";
import { emailStep, enrolNow, insertOwnerWithMailbox, insertTestSequence } from "../../test/support/sequence-fixtures.js";
import { findMailbox, saveMailbox } from "../store/mailboxes.js";
import { listEnrolmentsOfLead } from "../store/sequence-enrolments.js";
import { pollMailboxesOnce } from "./mailbox-poller.js";

const REP = { name: "rep_poll", password: "s3cret pass" };

describe.skipIf(!hasDovecot).each(ENGINES)(dovecotTitle("pollMailboxesOnce against dovecot on %s"), (engine) => {
  let dovecot: Dovecot;
  let database: TestDatabase;
  let ctx: TestContext;

  const inbound = () => ctx.db.selectFrom("inbound_messages").selectAll().orderBy("received_at").orderBy("id").execute();

  beforeAll(async () => {
    dovecot = await startDovecot([REP]);
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
    await insertOwnerWithMailbox(ctx, REP.name, { smtpUrl: "smtp://127.0.0.1:2525" });
    const saved = (await findMailbox(ctx.db, REP.name))!;
    // Created at the test clock's start; mail received before then is not the app's to read.
    await saveMailbox(ctx.db, { ...saved, imapUrl: dovecot.imapUrl(REP), updatedAt: ctx.clock.now() });
    await ctx.db.updateTable("mailboxes").set({ created_at: ctx.clock.now() }).where("user_id", "=", REP.name).execute();
  }, 30_000);
  afterAll(async () => {
    await database?.destroy();
    await dovecot?.stop();
  });

  it("reads new INBOX mail once, from where it stopped, and only mail since the mailbox was saved", async () => {
    const leadId = await captureLeadOwnedBy(ctx, REP.name, { email: "ann@example.com" });
    const sequence = await insertTestSequence(ctx, "seq_poll", [emailStep(0), emailStep(3)]);
    await enrolNow(ctx, leadId, sequence);
    const imapUrl = dovecot.imapUrl(REP);
    await appendToInbox(imapUrl, rawMail({ from: "ann@example.com", to: "rep@sales.example", subject: "Old news", messageId: "<old@example.com>", text: "Sent long ago." }), new Date(Date.UTC(2025, 0, 5)));
    await appendToInbox(imapUrl, rawMail({ from: "ann@example.com", to: "rep@sales.example", subject: "Re: following up", messageId: "<reply@example.com>", text: "Interested." }));

    await pollMailboxesOnce(ctx);
    expect((await inbound()).map((row) => [row.message_id, row.kind, row.via, row.mailbox_user_id])).toEqual([["<reply@example.com>", "reply", "imap", REP.name]]);
    expect((await listEnrolmentsOfLead(ctx.db, leadId))[0]).toMatchObject({ status: "stopped", stopReason: "replied" });
    const afterFirst = (await findMailbox(ctx.db, REP.name))!;
    expect(afterFirst).toMatchObject({ imapLastUid: 2, imapError: null, imapCheckedAt: ctx.clock.now() });
    expect(afterFirst.imapUidValidity).toEqual(expect.any(Number));

    await appendToInbox(imapUrl, rawMail({ from: "stranger@example.net", to: "rep@sales.example", subject: "Hi", messageId: "<stranger@example.net>", text: "Hello." }));
    await pollMailboxesOnce(ctx);
    await pollMailboxesOnce(ctx);
    expect((await inbound()).map((row) => [row.message_id, row.kind])).toEqual([["<reply@example.com>", "reply"], ["<stranger@example.net>", "unmatched"]]);
    expect(await findMailbox(ctx.db, REP.name)).toMatchObject({ imapLastUid: 3 });
  });

  it("reads by date again when UIDVALIDITY changed, and handles nothing twice", async () => {
    const before = (await findMailbox(ctx.db, REP.name))!;
    await saveMailbox(ctx.db, { ...before, imapUidValidity: before.imapUidValidity! + 1 });
    await pollMailboxesOnce(ctx);
    expect(await inbound()).toHaveLength(2);
    expect(await findMailbox(ctx.db, REP.name)).toMatchObject({ imapUidValidity: before.imapUidValidity, imapLastUid: 3, imapError: null });
  });

  it("records why a mailbox could not be polled, and keeps its position", async () => {
    const before = (await findMailbox(ctx.db, REP.name))!;
    await saveMailbox(ctx.db, { ...before, imapUrl: dovecot.imapUrl({ ...REP, password: "wrong" }) });
    await pollMailboxesOnce(ctx);
    const after = (await findMailbox(ctx.db, REP.name))!;
    expect(after.imapError).toMatch(/auth/i);
    expect(after).toMatchObject({ imapUidValidity: before.imapUidValidity, imapLastUid: 3 });
    await saveMailbox(ctx.db, before);
  });

  it("records and skips mail it cannot read or that is over 10 MB, and reads the mail after it", async () => {
    const imapUrl = dovecot.imapUrl(REP);
    const unreadable = Buffer.from(`From: ann@example.com\r\nX-Huge: ${"x".repeat(2 * 1024 * 1024)}\r\n\r\nHi\r\n`);
    await appendToInbox(imapUrl, unreadable);
    await appendToInbox(imapUrl, rawMail({ from: "big@example.net", to: "rep@sales.example", subject: "Video", messageId: "<big@example.net>", text: "x".repeat(11 * 1024 * 1024) }));
    await appendToInbox(imapUrl, rawMail({ from: "after@example.net", to: "rep@sales.example", subject: "Hi", messageId: "<after@example.net>", text: "Hello." }));
    const { imapUidValidity } = (await findMailbox(ctx.db, REP.name))!;

    await pollMailboxesOnce(ctx);
    expect((await inbound()).slice(2).map((row) => [row.dedupe_key, row.kind, row.via, row.mailbox_user_id])).toEqual([
      [`sha256:${createHash("sha256").update(unreadable).digest("hex")}`, "unmatched", "imap", REP.name],
      [`imap:${REP.name}:${imapUidValidity}:5`, "unmatched", "imap", REP.name],
      ["<after@example.net>", "unmatched", "imap", REP.name],
    ]);
    expect(await findMailbox(ctx.db, REP.name)).toMatchObject({ imapLastUid: 6, imapError: null });
  }, 30_000);
});
