import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { appendToInbox, type Dovecot, dovecotTitle, hasDovecot, startDovecot } from "../../test/support/dovecot.js";
import { ENGINES, openTestDatabase, REFERENCE_TIME, type TestContext, type TestDatabase, testContext } from "../../test/support/engines.js";
import { rawMail } from "../../test/support/raw-mail.js";
import { insertOwnerWithMailbox } from "../../test/support/sequence-fixtures.js";
import type * as receiveModule from "../services/inbound-mail/receive-inbound-mail.js";
import { findMailbox, saveMailbox } from "../store/mailboxes.js";
import { MAX_FAILURES_PER_MESSAGE, type MessageFailures, pollMailboxesOnce } from "./mailbox-poller.js";
import { DAY_MS } from "../domain/time.js";

/** Message-IDs whose handling fails as when the database goes away mid-poll. */
const failing = vi.hoisted(() => ({ messageIds: new Set<string>() }));

vi.mock("../services/inbound-mail/receive-inbound-mail.js", async (importOriginal) => {
  const actual = await importOriginal<typeof receiveModule>();
  const receiveInboundMail: typeof actual.receiveInboundMail = async (ctx, delivery) => {
    if ([...failing.messageIds].some((id) => delivery.raw.includes(id))) {
      throw Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
    }
    return actual.receiveInboundMail(ctx, delivery);
  };
  return { ...actual, receiveInboundMail };
});

const REP = { name: "rep_flaky", password: "s3cret pass" };

describe.skipIf(!hasDovecot).each(ENGINES)(dovecotTitle("pollMailboxesOnce when handling fails, on %s"), (engine) => {
  let dovecot: Dovecot;
  let database: TestDatabase;
  let ctx: TestContext;
  const mail = (id: string) => rawMail({ from: `${id}@example.net`, to: "rep@sales.example", subject: "Hi", messageId: `<${id}@example.net>`, text: "Hello." });
  const dedupeKeys = async () => (await ctx.db.selectFrom("inbound_messages").select("dedupe_key").orderBy("received_at").orderBy("id").execute()).map((row) => row.dedupe_key);

  beforeAll(async () => {
    dovecot = await startDovecot([REP]);
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
    await insertOwnerWithMailbox(ctx, REP.name, { smtpUrl: "smtp://127.0.0.1:2525" });
    await saveMailbox(ctx.db, { ...(await findMailbox(ctx.db, REP.name))!, imapUrl: dovecot.imapUrl(REP) });
    await ctx.db.updateTable("mailboxes").set({ created_at: REFERENCE_TIME }).where("user_id", "=", REP.name).execute();
  }, 30_000);
  afterAll(async () => {
    await database?.destroy();
    await dovecot?.stop();
  });

  it("reads the mail since the mailbox was created on the poll after a failed first poll", async () => {
    const receivedAt = new Date(REFERENCE_TIME + DAY_MS);
    await appendToInbox(dovecot.imapUrl(REP), mail("a"), receivedAt);
    await appendToInbox(dovecot.imapUrl(REP), mail("b"), receivedAt);
    ctx.clock.advance(7 * DAY_MS);
    failing.messageIds.add("<a@example.net>");
    await pollMailboxesOnce(ctx);
    expect(await findMailbox(ctx.db, REP.name)).toMatchObject({ imapLastUid: null, imapCheckedAt: null, imapError: expect.stringContaining("administrator") });

    failing.messageIds.clear();
    ctx.clock.advance(DAY_MS);
    await pollMailboxesOnce(ctx);
    expect(await dedupeKeys()).toEqual(["<a@example.net>", "<b@example.net>"]);
    expect(await findMailbox(ctx.db, REP.name)).toMatchObject({ imapLastUid: 2, imapCheckedAt: ctx.clock.now(), imapError: null });
  });

  it(`retries a message the database failed on, and skips it after ${MAX_FAILURES_PER_MESSAGE} failed polls in a row`, async () => {
    await appendToInbox(dovecot.imapUrl(REP), mail("c"));
    await appendToInbox(dovecot.imapUrl(REP), mail("d"));
    failing.messageIds.add("<c@example.net>");
    const failures: MessageFailures = new Map();
    for (let poll = 1; poll < MAX_FAILURES_PER_MESSAGE; poll += 1) await pollMailboxesOnce(ctx, failures);
    expect(await findMailbox(ctx.db, REP.name)).toMatchObject({ imapLastUid: 2, imapError: expect.stringContaining("administrator") });

    await pollMailboxesOnce(ctx, failures);
    expect(await dedupeKeys()).toEqual(["<a@example.net>", "<b@example.net>", expect.stringMatching(/^sha256:[0-9a-f]{64}$/), "<d@example.net>"]);
    expect(await findMailbox(ctx.db, REP.name)).toMatchObject({ imapLastUid: 4, imapError: null });
    failing.messageIds.clear();
  });
});
