import type { Selectable } from "kysely";
import type { Meeting } from "../domain/meetings/meeting.js";
import { type Executor, supportsRowLocks } from "./engine.js";
import type { MeetingTable } from "./schema.js";

type MeetingRow = Selectable<MeetingTable>;

const flag = (value: boolean) => (value ? 1 : 0);

function meetingRowToMeeting(row: MeetingRow): Meeting {
  const isAnswered = row.readiness_answered_at !== null && row.readiness_answered_by !== null;
  return {
    id: row.id,
    leadId: row.lead_id,
    provider: row.provider,
    externalId: row.external_id,
    title: row.title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    status: row.status,
    readiness: isAnswered
      ? {
          understandsProblem: row.readiness_understands_problem === 1,
          understandsApproach: row.readiness_understands_approach === 1,
          readyToEvaluate: row.readiness_ready_to_evaluate === 1,
          notes: row.readiness_notes,
          answeredBy: row.readiness_answered_by!,
          answeredAt: row.readiness_answered_at!,
        }
      : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function meetingToRow(meeting: Meeting): MeetingRow {
  const readiness = meeting.readiness;
  return {
    id: meeting.id,
    lead_id: meeting.leadId,
    provider: meeting.provider,
    external_id: meeting.externalId,
    title: meeting.title,
    starts_at: meeting.startsAt,
    ends_at: meeting.endsAt,
    status: meeting.status,
    readiness_understands_problem: readiness ? flag(readiness.understandsProblem) : null,
    readiness_understands_approach: readiness ? flag(readiness.understandsApproach) : null,
    readiness_ready_to_evaluate: readiness ? flag(readiness.readyToEvaluate) : null,
    readiness_notes: readiness?.notes ?? null,
    readiness_answered_by: readiness?.answeredBy ?? null,
    readiness_answered_at: readiness?.answeredAt ?? null,
    created_at: meeting.createdAt,
    updated_at: meeting.updatedAt,
  };
}

/** Adds a meeting. A second row with the same (provider, external id) is a unique violation. */
export async function insertMeeting(db: Executor, meeting: Meeting): Promise<void> {
  await db.insertInto("meetings").values(meetingToRow(meeting)).execute();
}

/** Writes a meeting's status, times, booking id and readiness answers. */
export async function updateMeeting(db: Executor, meeting: Meeting): Promise<void> {
  const { id, lead_id: _leadId, provider: _provider, created_at: _createdAt, ...changes } = meetingToRow(meeting);
  await db.updateTable("meetings").set(changes).where("id", "=", id).execute();
}

/** One meeting by id, locked until the transaction ends (on PostgreSQL) so outcomes do not race. */
export async function lockMeetingById(db: Executor, id: string): Promise<Meeting | undefined> {
  const query = db.selectFrom("meetings").selectAll().where("id", "=", id);
  const row = await (supportsRowLocks(db) ? query.forUpdate() : query).executeTakeFirst();
  return row && meetingRowToMeeting(row);
}

/** The meeting a booking tool knows by this id, locked like `lockMeetingById` (repeated deliveries queue). */
export async function lockMeetingByExternalId(db: Executor, provider: Meeting["provider"], externalId: string): Promise<Meeting | undefined> {
  const query = db.selectFrom("meetings").selectAll().where("provider", "=", provider).where("external_id", "=", externalId);
  const row = await (supportsRowLocks(db) ? query.forUpdate() : query).executeTakeFirst();
  return row && meetingRowToMeeting(row);
}

/** A lead's meetings, oldest first. */
export async function listLeadMeetings(db: Executor, leadId: string): Promise<Meeting[]> {
  const rows = await db.selectFrom("meetings").selectAll().where("lead_id", "=", leadId).orderBy("starts_at").orderBy("created_at").orderBy("id").execute();
  return rows.map(meetingRowToMeeting);
}
