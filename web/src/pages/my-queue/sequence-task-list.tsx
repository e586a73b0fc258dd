import { useState } from "react";
import { completeSequenceTask, listDueSequenceTasks, type QueuedSequenceTask } from "../../api/sequence-tasks.js";
import { AppLink } from "../../components/app-link.js";
import { FormAlert } from "../../components/form-alert.js";
import { problemMessageOf } from "../../components/form-problem.js";
import { formatRelative } from "../../format/format-time.js";
import { useResource } from "../../hooks/use-resource.js";
import { CHANNEL_NAMES } from "../sequences/sequence-words.js";

type SequenceTaskListProps = { userId: string | undefined; now: number };

/** Calls, LinkedIn messages and SMS that sequences made due for this person, soonest first, each with a Done button. */
export function SequenceTaskList({ userId, now }: SequenceTaskListProps) {
  const tasks = useResource(`sequence-tasks:${userId ?? "me"}`, (signal) => listDueSequenceTasks(userId, signal));
  const [doneError, setDoneError] = useState<string | null>(null);
  const [pendingId, setPendingId] = useState<string | null>(null);

  async function handleDone(task: QueuedSequenceTask) {
    setPendingId(task.id);
    try {
      await completeSequenceTask(task.id);
      tasks.update((current) => current.filter((one) => one.id !== task.id));
      setDoneError(null);
    } catch (error) {
      setDoneError(problemMessageOf(error));
    } finally {
      setPendingId(null);
    }
  }

  if (tasks.data?.length === 0 && !tasks.error) return null;
  return (
    <section className="sequence-tasks" aria-labelledby="sequence-tasks-title">
      <h2 id="sequence-tasks-title">Sequence tasks due</h2>
      <FormAlert message={tasks.error ?? doneError} />
      {tasks.data && (
        <table className="lead-table">
          <thead>
            <tr>
              <th scope="col">Due</th>
              <th scope="col">Task</th>
              <th scope="col">Lead</th>
              <th scope="col">
                <span className="visually-hidden">Done</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tasks.data.map((task) => (
              <tr key={task.id}>
                <td>
                  <time dateTime={task.dueAt}>{formatRelative(task.dueAt, now)}</time>
                </td>
                <td>
                  <strong>{CHANNEL_NAMES[task.channel]}</strong>: {task.instructions}
                </td>
                <td>
                  <AppLink href={`/leads/${encodeURIComponent(task.leadId)}`}>{task.leadName}</AppLink>
                </td>
                <td>
                  <button type="button" className="button-quiet small-button" disabled={pendingId === task.id} onClick={() => handleDone(task)} aria-label={`Done: ${CHANNEL_NAMES[task.channel]} ${task.leadName}: ${task.instructions}`}>
                    {pendingId === task.id ? "Saving…" : "Done"}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
