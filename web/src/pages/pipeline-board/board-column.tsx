import { type DragEvent, useId, useState } from "react";
import { type BoardColumn as Column, type BoardStage, isClosedMilestone } from "../../api/pipeline.js";
import { formatDays } from "../../format/format-time.js";
import { BoardCard } from "./board-card.js";

type BoardColumnProps = {
  column: Column;
  stages: BoardStage[];
  /** Whether a card from another column is being dragged (this column then takes drops). */
  canDrop: boolean;
  ownerLabelOf: (ownerId: string | null) => string | null;
  overdueAfterMinutes: number | undefined;
  now: number;
  onDragStart: (leadId: string) => void;
  onDragEnd: () => void;
  onDrop: () => void;
  onMoveTo: (leadId: string, stageKey: string) => void;
};

/** One stage: its name, how many leads it holds, and their cards; a drop target while a card is dragged. */
export function BoardColumn({ column, stages, canDrop, ownerLabelOf, overdueAfterMinutes, now, onDragStart, onDragEnd, onDrop, onMoveTo }: BoardColumnProps) {
  const headingId = useId();
  const [isOver, setIsOver] = useState(false);
  const { stage, cards, total } = column;

  function handleDragOver(event: DragEvent<HTMLElement>) {
    if (!canDrop) return;
    // Cancelling dragover is what makes an element a drop target in HTML drag and drop.
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    setIsOver(true);
  }

  function handleDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setIsOver(false);
    if (canDrop) onDrop();
  }

  const className = ["board-column", canDrop && "can-drop", isOver && canDrop && "is-drop-target"].filter(Boolean).join(" ");
  return (
    <section className={className} aria-labelledby={headingId} onDragOver={handleDragOver} onDragLeave={() => setIsOver(false)} onDrop={handleDrop}>
      <header className="board-column-head">
        <h2 id={headingId}>{stage.name}</h2>
        <span className="board-count">
          {total}
          <span className="visually-hidden"> {total === 1 ? "lead" : "leads"}</span>
        </span>
      </header>
      <p className="muted small board-column-note">{columnNote(stage)}</p>
      {cards.length === 0 ? (
        <p className="muted small">No leads.</p>
      ) : (
        <ul className="board-cards" aria-label={`Leads in ${stage.name}`}>
          {cards.map((card) => (
            <BoardCard
              key={card.leadId}
              card={card}
              stage={stage}
              stages={stages}
              ownerLabel={ownerLabelOf(card.ownerId)}
              overdueAfterMinutes={overdueAfterMinutes}
              now={now}
              onDragStart={() => onDragStart(card.leadId)}
              onDragEnd={onDragEnd}
              onMoveTo={(stageKey) => onMoveTo(card.leadId, stageKey)}
            />
          ))}
        </ul>
      )}
      {total > cards.length && (
        <p className="muted small">
          The newest {cards.length} of {total}.
        </p>
      )}
    </section>
  );
}

function columnNote(stage: BoardStage): string {
  if (isClosedMilestone(stage.milestone)) return "Closed in the last 30 days";
  return stage.maxDaysInStage === null ? "No time limit" : `Stalls after ${formatDays(stage.maxDaysInStage)}`;
}
