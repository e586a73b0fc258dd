import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lead } from "../domain/lead/lead.js";
import { listLeads } from "../store/leads.js";
import { ENGINES, openTestDatabase, REFERENCE_TIME, type TestDatabase, testContext } from "../../test/support/engines.js";
import { captureLeads } from "./capture-leads.js";
import { exportLeads } from "./export-leads.js";
import { importLeads } from "./import-leads.js";

const PAYLOADS = [
  { email: "ana@example.com", name: "Ana Silva", company: "Acme, Inc.", source: "webinar", campaign: "spring", plan: "pro" },
  { phone: "+1 415 555 0101", firstName: "Bo", country: "US", utmSource: "google", utmMedium: "cpc", seats: "12" },
  { email: "cy@example.com", message: 'Call me after 5pm.\nAsk for "Cy".', title: "CTO", custom: { "Favourite colour": "teal" } },
];

/** What a lead was captured with: everything but identity, state and timestamps. */
function capturedFields(lead: Lead): Omit<Lead, "id" | "ownerId" | "stage" | "isOptedOut" | "createdAt" | "updatedAt"> {
  const { id: _id, ownerId: _owner, stage: _stage, isOptedOut: _optedOut, createdAt: _created, updatedAt: _updated, ...fields } = lead;
  return fields;
}

async function allLeads(database: TestDatabase): Promise<Lead[]> {
  return listLeads(database.db, {}, "created_asc", 100, undefined);
}

describe.each(ENGINES)("exportLeads on %s", (engine) => {
  let source: TestDatabase;
  let target: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    [source, target] = await Promise.all([openTestDatabase(engine), openTestDatabase(engine)]);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "closeloop-export-"));
    const ctx = testContext(source.db);
    for (const payload of PAYLOADS) {
      await captureLeads(ctx, [{ payload, actor: "test" }]);
      ctx.clock.advance(1_000);
    }
  });
  afterAll(async () => {
    await Promise.all([source.destroy(), target.destroy()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("writes a header with one custom.<name> column per custom field and one row per lead, oldest first", async () => {
    const file = path.join(dir, "all.csv");
    const report = await exportLeads(testContext(source.db, REFERENCE_TIME + 10_000), { file, filter: {} });
    expect(report).toEqual({ exported: 3, customFields: ["Favourite colour", "plan", "seats"] });
    const lines = fs.readFileSync(file, "utf8").split("\n");
    expect(lines[0]).toBe(
      "\uFEFFid,stage,ownerId,isOptedOut,createdAt,updatedAt,email,phone,firstName,lastName,company,title,country,source,campaign,channel,message," +
        "utmSource,utmMedium,utmCampaign,utmTerm,utmContent,custom.Favourite colour,custom.plan,custom.seats",
    );
    expect(lines[1]).toMatch(/^lead_\w+,new,,false,2026-03-02T09:00:00.000Z,2026-03-02T09:00:00.000Z,ana@example.com,,Ana,Silva,"Acme, Inc.",,,webinar,spring,,,,,,,,,pro,$/);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
  });

  it("exports only the leads matching the filters", async () => {
    const file = path.join(dir, "filtered.csv");
    const ctx = testContext(source.db, REFERENCE_TIME + 10_000);
    expect(await exportLeads(ctx, { file, filter: { source: "webinar" } })).toMatchObject({ exported: 1, customFields: ["plan"] });
    expect(await exportLeads(ctx, { file, filter: { createdFrom: REFERENCE_TIME + 1_000 } })).toMatchObject({ exported: 2 });
    expect(await exportLeads(ctx, { file, filter: { stage: "won" } })).toEqual({ exported: 0, customFields: [] });
  });

  it("round-trips: importing the export into an empty database recreates the same captured leads", async () => {
    const file = path.join(dir, "round-trip.csv");
    await exportLeads(testContext(source.db, REFERENCE_TIME + 10_000), { file, filter: {} });
    const report = await importLeads(testContext(target.db), { file, rejectsFile: `${file}.rejects.csv`, overrides: [], defaults: {} });
    expect(report).toMatchObject({ read: 3, created: 3, merged: 0, rejected: 0, mapping: { preset: "closeloop" } });
    expect((await allLeads(target)).map(capturedFields)).toEqual((await allLeads(source)).map(capturedFields));
  });
});
