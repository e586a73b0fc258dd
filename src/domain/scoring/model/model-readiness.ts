/**
 * The least history the learned model is used with: below 200 closed leads or 40 wins its
 * weights swing from one month to the next and its calibration cannot be checked (a 10-bin
 * reliability table needs a few dozen wins to say anything).
 */
export const MIN_CLOSED_LEADS = 200;
export const MIN_WINS = 40;

/** Whether there is enough history to train and use the model, and what is still missing, in words. */
export type ModelReadiness = { isReady: boolean; closed: number; wins: number; missingClosed: number; missingWins: number; message: string };

/** Compares the closed leads (won, lost or disqualified) and wins with the minimum history. */
export function modelReadiness(closed: number, wins: number): ModelReadiness {
  const missingClosed = Math.max(0, MIN_CLOSED_LEADS - closed);
  const missingWins = Math.max(0, MIN_WINS - wins);
  const isReady = missingClosed === 0 && missingWins === 0;
  return { isReady, closed, wins, missingClosed, missingWins, message: readinessMessage(closed, wins, missingClosed, missingWins) };
}

function readinessMessage(closed: number, wins: number, missingClosed: number, missingWins: number): string {
  const have = `${plural(closed, "closed lead")} with ${plural(wins, "win")}`;
  if (missingClosed === 0 && missingWins === 0) return `Enough history to train the model: ${have}.`;
  const needs = [missingClosed > 0 && `${missingClosed} more ${missingClosed === 1 ? "closed lead" : "closed leads"}`, missingWins > 0 && `${missingWins} more ${missingWins === 1 ? "win" : "wins"}`]
    .filter((part) => part !== false)
    .join(" and ");
  return `The model needs ${MIN_CLOSED_LEADS} closed leads with at least ${MIN_WINS} wins; you have ${closed} closed and ${plural(wins, "win")}: ${needs}.`;
}

function plural(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}
