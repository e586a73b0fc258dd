import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leadRescoreTimerKey } from "../../domain/scoring/rescoring-triggers.js";
import { listLeadEvents } from "../../store/events.js";
import { findLeadById, updateLead } from "../../store/leads.js";
import { findTimerByKey } from "../../store/timers.js";
import { ENGINES, openTestDatabase, type TestDatabase, testContext } from "../../../test/support/engines.js";
import { captureLead } from "../capture-leads.js";
import { recordActivity } from "./record-activity.js";
import { DAY_MS } from "../../domain/time.js";

const MINUTE_MS = 60_000;

describe.each(ENGINES)("recordActivity on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database.destroy());

  let serial = 0;
  async function newLead(): Promise<string> {
    const ctx = testContext(database.db);
    return (await captureLead(ctx, { payload: { email: `visitor${++serial}@activity.example` }, actor: "test" })).leadId;
  }

  const activityEvents = async (leadId: string) => (await listLeadEvents(database.db, leadId)).filter((event) => event.type === "activity");

  it("appends an activity event and schedules the lead's rescoring", async () => {
    const ctx = testContext(database.db);
    const leadId = await newLead();
    ctx.clock.advance(MINUTE_MS);
    await recordActivity(ctx, { leadId, kind: "page_view", url: "https://acme.example/pricing", title: "  Pricing  " }, "visitor");
    expect(await activityEvents(leadId)).toMatchObject([{ actor: "visitor", at: ctx.clock.now(), data: { kind: "page_view", url: "https://acme.example/pricing", title: "Pricing" } }]);
    expect(await findTimerByKey(database.db, leadRescoreTimerKey(leadId))).toMatchObject({ task: "lead-rescore", runAt: ctx.clock.now(), status: "pending" });
  });

  it("keeps the given instant within the last 30 days, and takes a clock a little ahead as now", async () => {
    const ctx = testContext(database.db);
    const leadId = await newLead();
    const now = ctx.clock.now();
    await recordActivity(ctx, { leadId, kind: "content", url: "https://acme.example/guide.pdf", at: now - 29 * DAY_MS }, "api_key:k");
    await recordActivity(ctx, { leadId, kind: "page_view", url: "https://acme.example/", at: now + 4 * MINUTE_MS }, "api_key:k");
    expect((await activityEvents(leadId)).map((event) => [event.at, event.data.title])).toEqual([
      [now - 29 * DAY_MS, null],
      [now, null],
    ]);
  });

  it("refuses an instant far in the future or older than 30 days, naming `at`", async () => {
    const ctx = testContext(database.db);
    const leadId = await newLead();
    const now = ctx.clock.now();
    await expect(recordActivity(ctx, { leadId, kind: "page_view", url: "https://acme.example/", at: now + 10 * MINUTE_MS }, "test")).rejects.toMatchObject({ code: "invalid", field: "at" });
    await expect(recordActivity(ctx, { leadId, kind: "page_view", url: "https://acme.example/", at: now - 31 * DAY_MS }, "test")).rejects.toMatchObject({ code: "invalid", field: "at" });
    expect(await activityEvents(leadId)).toEqual([]);
  });

  it("refuses a URL that is not absolute http(s) or is too long, and a title over 300 characters", async () => {
    const ctx = testContext(database.db);
    const leadId = await newLead();
    for (const url of ["/pricing", "javascript:alert(1)", "ftp://acme.example/file", `https://acme.example/${"a".repeat(2000)}`]) {
      await expect(recordActivity(ctx, { leadId, kind: "page_view", url }, "test"), url).rejects.toMatchObject({ code: "invalid", field: "url" });
    }
    await expect(recordActivity(ctx, { leadId, kind: "page_view", url: "https://acme.example/", title: "t".repeat(301) }, "test")).rejects.toMatchObject({ field: "title" });
  });

  it("answers not_found naming `id` for an unknown lead", async () => {
    const ctx = testContext(database.db);
    await expect(recordActivity(ctx, { leadId: "lead_missing", kind: "page_view", url: "https://acme.example/" }, "test")).rejects.toMatchObject({ code: "not_found", field: "id" });
  });

  it("records activity of a lead who opted out of email", async () => {
    const ctx = testContext(database.db);
    const leadId = await newLead();
    await updateLead(database.db, { ...(await findLeadById(database.db, leadId))!, isOptedOut: true });
    await recordActivity(ctx, { leadId, kind: "page_view", url: "https://acme.example/" }, "visitor");
    expect(await activityEvents(leadId)).toHaveLength(1);
  });
});
