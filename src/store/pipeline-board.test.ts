import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lead } from "../domain/lead/lead.js";
import { freshLeadPipeline, type LeadPipeline } from "../domain/pipeline/lead-pipeline.js";
import { ENGINES, openTestDatabase, REFERENCE_TIME, type TestDatabase } from "../../test/support/engines.js";
import { buildLead, buildPerson } from "../../test/support/factories.js";
import { saveLeadPipeline } from "./lead-pipeline.js";
import { insertLeads } from "./leads.js";
import { type BoardScope, countBoardColumns, listBoardColumnLeads } from "./pipeline-board.js";
import { insertUsers } from "./users.js";

const T0 = REFERENCE_TIME;
const DAY = 24 * 3_600_000;

const lead = (id: string, stage: string, ownerId: string | null, createdAt: number): Lead => buildLead({ id, stage, ownerId, createdAt, updatedAt: createdAt });

const COLUMNS = [
  { stage: "new", isClosedStage: false },
  { stage: "qualified", isClosedStage: false },
  { stage: "won", isClosedStage: true },
  { stage: "lost", isClosedStage: true },
];

describe.each(ENGINES)("pipeline board store on %s", (engine) => {
  let database: TestDatabase;
  const everyone: BoardScope = { ownerId: undefined, closedSince: T0 - 30 * DAY };
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const db = database.db;
    await insertUsers(db, [buildPerson("rep_a"), buildPerson("rep_b")]);
    const leads = [
      // New: no pipeline rows, so the stage was entered at capture.
      lead("new_old", "new", "rep_a", T0 - 3 * DAY),
      lead("new_mid", "new", "rep_b", T0 - 2 * DAY),
      lead("new_recent", "new", "rep_a", T0 - DAY),
      // Qualified: entered the stage later than captured; one of them disqualified (closed).
      lead("q_entered_late", "qualified", "rep_a", T0 - 20 * DAY),
      lead("q_entered_early", "qualified", "rep_a", T0 - 5 * DAY),
      lead("q_disqualified", "qualified", "rep_a", T0 - DAY),
      lead("won_recent", "won", "rep_a", T0 - 60 * DAY),
      lead("won_long_ago", "won", "rep_b", T0 - 90 * DAY),
      lead("lost_recent", "lost", "rep_b", T0 - 40 * DAY),
    ];
    await insertLeads(db, leads);
    const byId = new Map(leads.map((l) => [l.id, l]));
    const state = (id: string, changes: Partial<LeadPipeline>) => saveLeadPipeline(db, { ...freshLeadPipeline(byId.get(id)!), ...changes }, T0);
    await state("q_entered_late", { stageEnteredAt: T0 - DAY });
    await state("q_entered_early", { stageEnteredAt: T0 - 4 * DAY });
    await state("q_disqualified", { qualificationStatus: "disqualified", closedAt: T0 - 1000 });
    await state("won_recent", { stageEnteredAt: T0 - 10 * DAY, closedAt: T0 - 10 * DAY });
    await state("won_long_ago", { stageEnteredAt: T0 - 31 * DAY, closedAt: T0 - 31 * DAY });
    await state("lost_recent", { stageEnteredAt: T0 - 29 * DAY, closedAt: T0 - 29 * DAY });
  });
  afterAll(() => database.destroy());

  const ids = async (stage: string, scope: BoardScope, limit = 50) =>
    (await listBoardColumnLeads(database.db, COLUMNS.find((c) => c.stage === stage)!, scope, limit)).map((l) => l.id);

  it("orders a column newest in stage first, by pipeline entry or else capture", async () => {
    expect(await ids("new", everyone)).toEqual(["new_recent", "new_mid", "new_old"]);
    expect(await ids("qualified", everyone)).toEqual(["q_entered_late", "q_entered_early"]);
  });

  it("caps a column at the limit", async () => {
    expect(await ids("new", everyone, 2)).toEqual(["new_recent", "new_mid"]);
  });

  it("shows won and lost leads closed since the cutoff only", async () => {
    expect(await ids("won", everyone)).toEqual(["won_recent"]);
    expect(await ids("lost", everyone)).toEqual(["lost_recent"]);
  });

  it("narrows to one owner", async () => {
    const repA: BoardScope = { ...everyone, ownerId: "rep_a" };
    expect(await ids("new", repA)).toEqual(["new_recent", "new_old"]);
    expect(await ids("lost", repA)).toEqual([]);
  });

  it("counts each column with the same rules, leaving out empty ones", async () => {
    expect(Object.fromEntries(await countBoardColumns(database.db, COLUMNS, everyone))).toEqual({ new: 3, qualified: 2, won: 1, lost: 1 });
    expect(Object.fromEntries(await countBoardColumns(database.db, COLUMNS, { ...everyone, ownerId: "rep_b" }))).toEqual({ new: 1, lost: 1 });
  });
});
