import { useState } from "react";
import type { StageMoveWarning } from "../../api/lead-pipeline.js";
import { type BoardCard, getBoard, getPipeline } from "../../api/pipeline.js";
import { navigate, useLocation } from "../../app/location.js";
import { useSessionUser } from "../../app/session-context.js";
import { FormAlert } from "../../components/form-alert.js";
import { OwnerPicker } from "../../components/owner-picker.js";
import { useDocumentTitle } from "../../hooks/use-document-title.js";
import { useNow } from "../../hooks/use-now.js";
import { useResource } from "../../hooks/use-resource.js";
import { ownerName, useTeam } from "../../hooks/use-team.js";
import { BoardColumn } from "./board-column.js";
import { MoveDialog } from "./move-dialog.js";
import { type MovePlan, planMove } from "./move-plan.js";
import "./pipeline-board.css";

type Move = { card: BoardCard; plan: MovePlan };

/** Leads by stage; drag a card (or use its "Move to…" menu) to move it through the exit checklist and next-step prompt. */
export function PipelineBoardPage() {
  const user = useSessionUser();
  const team = useTeam();
  const location = useLocation();
  const now = useNow();
  const canPickOwner = user.role !== "rep";
  const ownerId = (canPickOwner && location.query.get("owner")) || undefined;
  const board = useResource(`board:${ownerId ?? ""}`, (signal) => getBoard(ownerId, signal));
  const pipeline = useResource("pipeline", getPipeline);
  const [dragged, setDragged] = useState<{ leadId: string; fromKey: string } | null>(null);
  const [move, setMove] = useState<Move | null>(null);
  const [status, setStatus] = useState("");
  useDocumentTitle("Pipeline");

  const columns = board.data?.columns ?? [];
  const stages = columns.map((column) => column.stage);

  function startMove(leadId: string, fromKey: string, toKey: string) {
    const card = columns.find((column) => column.stage.key === fromKey)?.cards.find((candidate) => candidate.leadId === leadId);
    const plan = planMove(stages, fromKey, toKey);
    if (card && plan) setMove({ card, plan });
  }

  function handleMoved({ card, plan }: Move, warnings: StageMoveWarning[]) {
    const missing = warnings.flatMap((warning) => warning.missing.map((item) => item.label));
    setStatus(`Moved ${card.name} to ${plan.to.name}.${missing.length > 0 ? ` Recorded as not done: ${missing.join(", ")}.` : ""}`);
    setMove(null);
    board.reload();
  }

  function handleOwnerChange(next: string) {
    navigate(next ? `/pipeline?owner=${encodeURIComponent(next)}` : "/pipeline", { replace: true });
  }

  // Owner names on cards only when the board mixes owners.
  const ownerLabelOf = (cardOwnerId: string | null) => (canPickOwner && !ownerId ? ownerName(team, cardOwnerId) : null);
  return (
    <section className="page page-wide">
      <div className="page-title">
        <h1>Pipeline</h1>
        {canPickOwner && <OwnerPicker label="Whose leads" everyoneLabel="Everyone" team={team} meId={user.id} value={ownerId ?? ""} onChange={handleOwnerChange} />}
      </div>
      <p className="muted small" role="status">
        {board.data === null && board.error === null ? "Loading…" : status}
      </p>
      <FormAlert message={board.error ?? pipeline.error} />
      <div className="board">
        {columns.map((column) => (
          <BoardColumn
            key={column.stage.key}
            column={column}
            stages={stages}
            canDrop={dragged !== null && dragged.fromKey !== column.stage.key}
            ownerLabelOf={ownerLabelOf}
            overdueAfterMinutes={pipeline.data?.nextStepOverdueAfterMinutes}
            now={now}
            onDragStart={(leadId) => setDragged({ leadId, fromKey: column.stage.key })}
            onDragEnd={() => setDragged(null)}
            onDrop={() => dragged && startMove(dragged.leadId, dragged.fromKey, column.stage.key)}
            onMoveTo={(leadId, toKey) => startMove(leadId, column.stage.key, toKey)}
          />
        ))}
      </div>
      {move && (
        <MoveDialog
          key={`${move.card.leadId}:${move.plan.to.key}`}
          card={move.card}
          plan={move.plan}
          lostReasons={pipeline.data?.lostReasons ?? []}
          team={team}
          timeZone={user.timezone}
          onClose={() => setMove(null)}
          onMoved={(warnings) => handleMoved(move, warnings)}
        />
      )}
    </section>
  );
}
