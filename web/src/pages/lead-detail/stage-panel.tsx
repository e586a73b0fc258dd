import { useId } from "react";
import type { LeadPipelineView } from "../../api/lead-pipeline.js";
import type { PipelineConfig } from "../../api/pipeline.js";
import { daysInStageText, nextOpenStage } from "./stage-words.js";

type StagePanelProps = { config: PipelineConfig; view: LeadPipelineView };

/** The lead's stage as a playbook: what it is for, what must happen, what to say and what to finish before moving on. */
export function StagePanel({ config, view }: StagePanelProps) {
  const id = useId();
  const { stage } = view;
  const next = nextOpenStage(config, stage.key);
  return (
    <section className={view.isStalled ? "panel stage-panel is-stalled" : "panel stage-panel"} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Stage: {stage.name}</h2>
      <p className={view.isStalled ? "stalled" : "muted"}>
        {view.isStalled && <span aria-hidden="true">⚠ </span>}
        {daysInStageText(view.daysInStage, stage.maxDaysInStage, view.isStalled)}
      </p>
      <dl className="stage-facts">
        <dt>Goal</dt>
        <dd>{stage.goal}</dd>
        <dt>Must happen</dt>
        <dd>{stage.mustHappen}</dd>
        {next && (
          <>
            <dt>Next stage</dt>
            <dd>{next.name}</dd>
          </>
        )}
      </dl>
      {stage.talkingPoints.length > 0 && (
        <div>
          <h3 className="panel-subtitle">What to say</h3>
          <ul className="talking-points">
            {stage.talkingPoints.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
        </div>
      )}
      {stage.exitChecklist.length > 0 && (
        <div>
          <h3 className="panel-subtitle">Before moving on{stage.checklistMode === "block" ? " (required)" : ""}</h3>
          <ul className="talking-points">
            {stage.exitChecklist.map((item) => (
              <li key={item.key}>{item.label}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
