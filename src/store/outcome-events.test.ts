import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LeadEventType } from "../domain/lead/lead-event.js";
import { OUTCOME_STATE_EVENT_TYPES } from "../domain/metrics/outcome-reasons.js";
import { ENGINES, openTestDatabase, type TestDatabase } from "../../test/support/engines.js";
import { buildLead } from "../../test/support/factories.js";
import { appendEvents } from "./events.js";
import { insertLeads } from "./leads.js";
import { listOutcomeEvents } from "./outcome-events.js";

const at = (leadId: string | null, type: LeadEventType, when: number, data: Record<string, unknown> = {}) => ({ leadId, type, actor: "test", at: when, data });

describe.each(ENGINES)("outcome events store on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await insertLeads(database.db, ["lead_lost", "lead_open", "lead_late", "lead_early"].map((id) => buildLead({ id })));
    await appendEvents(database.db, [
      at("lead_lost", "stage_changed", 100, { toMilestone: "lost" }),
      at("lead_lost", "lost", 100, { reason: "price", source: "google", campaign: null }),
      at("lead_lost", "touch", 150),
      at("lead_lost", "stage_changed", 200, { toMilestone: "contacted" }),
      at("lead_open", "stage_changed", 120, { toMilestone: "contacted" }),
      at("lead_late", "disqualified", 300, { reason: "spam" }),
      at("lead_early", "lost", 10, { reason: "price" }),
      at("lead_early", "stage_changed", 110, { toMilestone: "contacted" }),
      at(null, "pipeline_changed", 120),
    ]);
  });
  afterAll(() => database.destroy());

  it("reads the outcome events in the range, oldest first, of leads disqualified or lost in it", async () => {
    const events = await listOutcomeEvents(database.db, { from: 50, to: 300 }, OUTCOME_STATE_EVENT_TYPES);
    expect(events.map((e) => [e.leadId, e.type, e.at])).toEqual([
      ["lead_lost", "stage_changed", 100],
      ["lead_lost", "lost", 100],
      ["lead_lost", "stage_changed", 200],
    ]);
    expect(events[1]!.data).toEqual({ reason: "price", source: "google", campaign: null });
    expect(events[0]!.id).toBeLessThan(events[1]!.id);
  });
});
