import { leadRescoreTask } from "./tasks/lead-rescore.js";
import { nextStepDueTask } from "./tasks/next-step-due.js";
import { scoringDriftTask } from "./tasks/scoring-drift.js";
import { scoresRefreshTask } from "./tasks/scores-refresh.js";
import { sequenceResumeTask } from "./tasks/sequence-resume.js";
import { sequenceStepTask } from "./tasks/sequence-step.js";
import { slaStepTask } from "./tasks/sla-step.js";
import type { TimerTask } from "./timer-task.js";

/**
 * Every timer task the app's workers run (`closeloop serve` and `closeloop worker`). To add
 * one: define it in `tasks/<name>.ts` as a `TimerTask`, append it here, and schedule it with
 * `scheduleTimer(trx, { key, task: "<name>", payload, runAt }, now)` inside the service's
 * transaction. A worker that meets a task name it does not know retries it with backoff (a
 * newer worker may know it) and leaves it dead after `UNKNOWN_WORK_RETRY`.
 */
export const TIMER_TASKS: readonly TimerTask[] = [slaStepTask, nextStepDueTask, sequenceStepTask, sequenceResumeTask, leadRescoreTask, scoresRefreshTask, scoringDriftTask];
