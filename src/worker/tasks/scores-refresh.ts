import { Type } from "typebox";
import { SCORES_REFRESH_TASK } from "../../domain/scoring/rescoring-triggers.js";
import { refreshScoresPage } from "../../services/scoring/rescore-leads.js";
import type { TimerTask } from "../timer-task.js";

const ScoresRefreshPayload = Type.Object({ afterId: Type.Union([Type.String({ minLength: 1 }), Type.Null()]) }, { additionalProperties: false });

/** A pass over every open lead, a page per run: intent decay, new rules, a new model. */
export const scoresRefreshTask: TimerTask<typeof ScoresRefreshPayload> = {
  name: SCORES_REFRESH_TASK,
  payloadSchema: ScoresRefreshPayload,
  retry: { maxAttempts: 10, backoffBaseMs: 1000, backoffMaxMs: 300_000 },
  run: async ({ trx, ctx, payload, now }) => {
    await refreshScoresPage(trx, ctx, payload.afterId, now);
  },
};
