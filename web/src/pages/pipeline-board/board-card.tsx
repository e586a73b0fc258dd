import { useId } from "react";
import { type BoardCard as Card, type BoardStage, isClosedMilestone } from "../../api/pipeline.js";
import { AppLink } from "../../components/app-link.js";
import { formatAmount } from "../../format/format-money.js";
import { formatDays, formatRelative } from "../../format/format-time.js";
import { nextStepStatusOf } from "../lead-detail/next-step-words.js";

type BoardCardProps = {
  card: Card;
  stage: BoardStage;
  /** Every stage in order, for the "Move to…" menu. */
  stages: BoardStage[];
  /** Shown when the board holds several owners' leads. */
  ownerLabel: string | null;
  /** The workspace's grace minutes after which a due step reads overdue (unknown until the pipeline loads). */
  overdueAfterMinutes: number | undefined;
  now: number;
  onDragStart: () => void;
  onDragEnd: () => void;
  onMoveTo: (stageKey: string) => void;
};

/** A lead on the board: who, how long in the stage, what happens next and what it is worth; drag it, or use "Move to…". */
export function BoardCard({ card, stage, stages, ownerLabel, overdueAfterMinutes, now, onDragStart, onDragEnd, onMoveTo }: BoardCardProps) {
  const nameId = useId();
  return (
    <li
      className={card.isStalled ? "board-card is-stalled" : "board-card"}
      aria-labelledby={nameId}
      data-lead-id={card.leadId}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData("text/plain", card.leadId);
        event.dataTransfer.effectAllowed = "move";
        onDragStart();
      }}
      onDragEnd={onDragEnd}
    >
      <div className="board-card-head">
        <AppLink id={nameId} href={`/leads/${encodeURIComponent(card.leadId)}`} draggable={false}>
          {card.name}
        </AppLink>
        {card.isStalled && <span className="badge badge-stalled">Stalled</span>}
      </div>
      {card.company && <div className="muted small">{card.company}</div>}
      <p className="small muted">
        {daysText(card.daysInStage, isClosedMilestone(stage.milestone))}
        {ownerLabel && ` · ${ownerLabel}`}
      </p>
      {!isClosedMilestone(stage.milestone) && <NextStepLine card={card} isRequired={stage.milestone !== "new"} overdueAfterMinutes={overdueAfterMinutes} now={now} />}
      {card.value !== null && <p className="small board-card-value">{formatAmount(card.value)}</p>}
      <details className="move-menu">
        <summary>
          Move<span className="visually-hidden"> {card.name}</span> to…
        </summary>
        <ul>
          {stages
            .filter((other) => other.key !== stage.key)
            .map((other) => (
              <li key={other.key}>
                <button type="button" className="button-link" onClick={() => onMoveTo(other.key)}>
                  {other.name}
                </button>
              </li>
            ))}
        </ul>
      </details>
    </li>
  );
}

/** The next step and whether it is due or overdue; its absence is flagged past the first stage, where every open lead needs one. */
function NextStepLine({ card, isRequired, overdueAfterMinutes, now }: { card: Card; isRequired: boolean; overdueAfterMinutes: number | undefined; now: number }) {
  const step = card.nextStep;
  if (!step) return isRequired ? <p className="small next-step-missing">No next step</p> : null;
  const { tone, text } = nextStepStatusOf(step, now, overdueAfterMinutes);
  return (
    <p className={`small next-step-line is-${tone}`}>
      {tone !== "scheduled" && <strong>{text}: </strong>}
      {step.action} · <time dateTime={step.dueAt}>{formatRelative(step.dueAt, now)}</time>
    </p>
  );
}

/** "3 days in stage"; on a won or lost card, when it closed. */
function daysText(days: number, isClosed: boolean): string {
  if (days === 0) return isClosed ? "Closed today" : "Entered today";
  const count = formatDays(days);
  return isClosed ? `Closed ${count} ago` : `${count} in stage`;
}
