import type { StageDefinition } from "../../../api/pipeline.js";
import { MILESTONE_LABELS } from "./stage-words.js";

type StageListProps = {
  stages: StageDefinition[];
  selected: number;
  onSelect: (index: number) => void;
  onMove: (index: number, offset: -1 | 1) => void;
  onRemove: (index: number) => void;
  onAdd: () => void;
};

/** The stages in order: pick one to edit, move it up or down, remove it, or add one before won and lost. */
export function StageList({ stages, selected, onSelect, onMove, onRemove, onAdd }: StageListProps) {
  return (
    <div>
      <ol className="stage-list" aria-label="Stages, in order">
        {stages.map((stage, index) => {
          const name = stage.name || "Unnamed stage";
          return (
            <li key={index} className={index === selected ? "is-selected" : undefined}>
              <span className="stage-pick">
                <button type="button" className="button-link" aria-current={index === selected ? "true" : undefined} onClick={() => onSelect(index)}>
                  {index + 1}. {name}
                </button>
                <span className={`badge badge-${stage.milestone}`}>{MILESTONE_LABELS[stage.milestone]}</span>
              </span>
              <span className="rule-actions">
                <button type="button" className="button-quiet" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => onMove(index, -1)}>
                  ↑
                </button>
                <button type="button" className="button-quiet" aria-label={`Move ${name} down`} disabled={index === stages.length - 1} onClick={() => onMove(index, 1)}>
                  ↓
                </button>
                <button type="button" className="button-quiet" aria-label={`Remove ${name}`} onClick={() => onRemove(index)}>
                  ✕
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button-quiet" onClick={onAdd}>
        Add stage
      </button>
    </div>
  );
}
