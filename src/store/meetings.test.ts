import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Meeting } from "../domain/meetings/meeting.js";
import { captureLead } from "../services/capture-leads.js";
import { ENGINES, openTestDatabase, REFERENCE_TIME, type TestDatabase, testContext } from "../../test/support/engines.js";
import { isUniqueViolation } from "./unique-violation.js";
import { insertMeeting, listLeadMeetings, lockMeetingByExternalId, lockMeetingById, updateMeeting } from "./meetings.js";

const HOUR = 60 * 60 * 1000;

describe.each(ENGINES)("meetings store on %s", (engine) => {
  let database: TestDatabase;
  let leadId: string;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    leadId = (await captureLead(testContext(database.db), { payload: { email: "store@meetings.example" }, actor: "test" })).leadId;
  });
  afterAll(() => database.destroy());

  const meeting = (overrides: Partial<Meeting>): Meeting => ({
    id: "mtg_x",
    leadId,
    provider: "manual",
    externalId: null,
    title: null,
    startsAt: REFERENCE_TIME + HOUR,
    endsAt: null,
    status: "booked",
    readiness: null,
    createdAt: REFERENCE_TIME,
    updatedAt: REFERENCE_TIME,
    ...overrides,
  });

  it("stores a meeting and reads it back by id, by booking id and for its lead, oldest first", async () => {
    const later = meeting({ id: "mtg_later", provider: "calcom", externalId: "uid-later", title: "Demo", startsAt: REFERENCE_TIME + 48 * HOUR, endsAt: REFERENCE_TIME + 49 * HOUR });
    const sooner = meeting({ id: "mtg_sooner", startsAt: REFERENCE_TIME + 2 * HOUR });
    await insertMeeting(database.db, later);
    await insertMeeting(database.db, sooner);
    expect(await lockMeetingById(database.db, "mtg_later")).toEqual(later);
    expect(await lockMeetingById(database.db, "mtg_sooner")).toEqual(sooner);
    expect(await lockMeetingByExternalId(database.db, "calcom", "uid-later")).toEqual(later);
    expect(await lockMeetingByExternalId(database.db, "calendly", "uid-later")).toBeUndefined();
    expect((await listLeadMeetings(database.db, leadId)).map((m) => m.id)).toEqual(["mtg_sooner", "mtg_later"]);
  });

  it("updates status, times, booking id and readiness answers", async () => {
    const before = (await lockMeetingById(database.db, "mtg_later"))!;
    const after: Meeting = {
      ...before,
      externalId: "uid-moved",
      startsAt: before.startsAt + HOUR,
      endsAt: null,
      status: "held",
      readiness: { understandsProblem: true, understandsApproach: false, readyToEvaluate: true, notes: "Needed the pricing model explained", answeredBy: "user:rep", answeredAt: REFERENCE_TIME + 50 * HOUR },
      updatedAt: REFERENCE_TIME + 50 * HOUR,
    };
    await updateMeeting(database.db, after);
    expect(await lockMeetingById(database.db, "mtg_later")).toEqual(after);
  });

  it("keeps one meeting per provider booking id, while manual meetings have none", async () => {
    await insertMeeting(database.db, meeting({ id: "mtg_manual_2" }));
    const duplicate = insertMeeting(database.db, meeting({ id: "mtg_dup", provider: "calcom", externalId: "uid-moved" }));
    await expect(duplicate).rejects.toSatisfy(isUniqueViolation);
  });
});
