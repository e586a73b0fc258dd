import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../domain/access/permission.js";
import { listLeadEvents } from "../../store/events.js";
import { findLeadPipeline, saveLeadPipeline } from "../../store/lead-pipeline.js";
import { insertLeads } from "../../store/leads.js";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../../test/support/engines.js";
import { buildLead } from "../../../test/support/factories.js";
import { workspaceEvents } from "../../../test/support/workspace-events.js";
import { clearCampaignPromise } from "./clear-campaign-promise.js";
import { readCampaignPromises } from "./read-campaign-promises.js";
import { recordCampaignPromise } from "./record-campaign-promise.js";
import { sendProposal } from "./send-proposal.js";

const MANAGER: Principal = { kind: "user", userId: "user_manager", role: "manager" };

describe.each(ENGINES)("proposals against campaign promises on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
  });
  afterAll(() => database.destroy());

  async function leadFrom(campaign: string | null) {
    const lead = buildLead({ id: ctx.ids("lead"), stage: "proposal", campaign });
    await insertLeads(database.db, [lead]);
    return lead;
  }

  it("records, replaces and clears a campaign promise, each with campaign_promise_saved", async () => {
    await recordCampaignPromise(ctx, "winter", { priceAnchor: 500, timelineDays: 10 }, "user:boss");
    const replaced = await recordCampaignPromise(ctx, " winter ", { notes: "No price named" }, "user:boss");
    expect(replaced).toEqual({ campaign: "winter", priceAnchorCents: null, timelineDays: null, notes: "No price named", updatedAt: ctx.clock.now() });
    expect(await readCampaignPromises(ctx)).toEqual([replaced]);
    await clearCampaignPromise(ctx, "winter", "user:boss");
    expect(await readCampaignPromises(ctx)).toEqual([]);
    await expect(clearCampaignPromise(ctx, "winter", "user:boss")).rejects.toMatchObject({ code: "not_found", field: "campaign" });
    expect((await workspaceEvents(database.db, "campaign_promise_saved")).map((event) => event.data)).toEqual([
      { campaign: "winter", priceAnchorCents: 50_000, timelineDays: 10, notes: null, isCleared: false },
      { campaign: "winter", priceAnchorCents: null, timelineDays: null, notes: "No price named", isCleared: false },
      { campaign: "winter", priceAnchorCents: null, timelineDays: null, notes: null, isCleared: true },
    ]);
  });

  it("flags a proposal far from the campaign's price anchor and records it as the deal value", async () => {
    await recordCampaignPromise(ctx, "spring", { priceAnchor: 10_000, timelineDays: 30 }, "user:boss");
    const lead = await leadFrom("spring");
    const sentAt = ctx.clock.now() - 60_000;
    const proposal = await sendProposal(ctx, MANAGER, lead.id, { amount: 13_000, sentAt });
    expect(proposal).toEqual({ amountCents: 1_300_000, sentAt, priceAnchorCents: 1_000_000, deviationPercent: 30, isExpectationMismatch: true });
    expect(await findLeadPipeline(database.db, lead)).toMatchObject({ proposalAmountCents: 1_300_000, proposalSentAt: sentAt, valueCents: 1_300_000, isExpectationMismatch: true });
    const [event] = await listLeadEvents(database.db, lead.id);
    expect(event).toMatchObject({ type: "proposal_sent", actor: "user:user_manager", data: proposal });

    const closer = await sendProposal(ctx, MANAGER, lead.id, { amount: 11_000 });
    expect(closer).toMatchObject({ sentAt: ctx.clock.now(), deviationPercent: 10, isExpectationMismatch: false });
    expect(await findLeadPipeline(database.db, lead)).toMatchObject({ valueCents: 1_100_000, isExpectationMismatch: false });
  });

  it("never flags a lead whose campaign promised no price", async () => {
    const proposal = await sendProposal(ctx, MANAGER, (await leadFrom(null)).id, { amount: 99.99 });
    expect(proposal).toMatchObject({ amountCents: 9999, priceAnchorCents: null, deviationPercent: null, isExpectationMismatch: false });
  });

  it("refuses bad amounts, future send times and closed leads", async () => {
    const lead = await leadFrom("spring");
    await expect(sendProposal(ctx, MANAGER, lead.id, { amount: 10.001 })).rejects.toMatchObject({ code: "invalid", field: "amount" });
    await expect(sendProposal(ctx, MANAGER, lead.id, { amount: 10, sentAt: ctx.clock.now() + 60 * 60_000 })).rejects.toMatchObject({ code: "invalid", field: "sentAt" });
    await saveLeadPipeline(database.db, { ...(await findLeadPipeline(database.db, lead)), closedAt: ctx.clock.now() }, ctx.clock.now());
    await expect(sendProposal(ctx, MANAGER, lead.id, { amount: 10 })).rejects.toMatchObject({ code: "conflict" });
    expect(await listLeadEvents(database.db, lead.id)).toEqual([]);
  });
});
