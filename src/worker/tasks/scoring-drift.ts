import { Type } from "typebox";
import { runDriftCheck, SCORING_DRIFT_TASK } from "../../services/scoring/drift-timer.js";
import type { TimerTask } from "../timer-task.js";

const ScoringDriftPayload = Type.Object({}, { additionalProperties: false });

/** The daily drift check (see `runDriftCheck`); it schedules the next one itself. */
export const scoringDriftTask: TimerTask<typeof ScoringDriftPayload> = {
  name: SCORING_DRIFT_TASK,
  payloadSchema: ScoringDriftPayload,
  // Database work only and nothing waits on it: retries from a minute to an hour apart, over 3 to
  // 6 hours in all; a dead check is brought back when a worker next starts.
  retry: { maxAttempts: 12, backoffBaseMs: 60_000, backoffMaxMs: 3_600_000 },
  run: ({ trx, ctx, now }) => runDriftCheck(trx, ctx, now),
};
