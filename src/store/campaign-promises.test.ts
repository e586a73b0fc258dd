import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES, openTestDatabase, REFERENCE_TIME, type TestDatabase } from "../../test/support/engines.js";
import { deleteCampaignPromise, findCampaignPromise, listCampaignPromises, upsertCampaignPromise } from "./campaign-promises.js";

describe.each(ENGINES)("campaign promises store on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database.destroy());

  it("records, replaces, lists by campaign and forgets a promise", async () => {
    const spring = { campaign: "spring-sale", priceAnchorCents: 9_900_00, timelineDays: 30, notes: "Live in a month", updatedAt: REFERENCE_TIME };
    await upsertCampaignPromise(database.db, spring);
    await upsertCampaignPromise(database.db, { campaign: "autumn", priceAnchorCents: null, timelineDays: null, notes: null, updatedAt: REFERENCE_TIME });
    expect(await findCampaignPromise(database.db, "spring-sale")).toEqual(spring);

    const replaced = { ...spring, priceAnchorCents: 12_000_00, timelineDays: null, updatedAt: REFERENCE_TIME + 1 };
    await upsertCampaignPromise(database.db, replaced);
    expect((await listCampaignPromises(database.db)).map((p) => [p.campaign, p.priceAnchorCents])).toEqual([["autumn", null], ["spring-sale", 12_000_00]]);
    expect(await findCampaignPromise(database.db, "spring-sale")).toEqual(replaced);

    expect(await deleteCampaignPromise(database.db, "spring-sale")).toBe(true);
    expect(await deleteCampaignPromise(database.db, "spring-sale")).toBe(false);
    expect(await findCampaignPromise(database.db, "spring-sale")).toBeUndefined();
  });
});
