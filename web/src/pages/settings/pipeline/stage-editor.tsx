import { useId } from "react";
import { type ChecklistItem, type ChecklistMode, isClosedMilestone, type Milestone, type StageDefinition } from "../../../api/pipeline.js";
import { FieldError } from "../../../components/field-error.js";
import { TextAreaField } from "../../../components/text-area-field.js";
import { TextField } from "../../../components/text-field.js";
import { MILESTONES } from "../../../../../src/domain/pipeline/pipeline-config.js";
import { type ConfigProblem, errorAt, errorWithin } from "./config-field.js";
import { KeyedRowsEditor } from "./keyed-rows-editor.js";
import { CHECKLIST_MODE_LABELS, MILESTONE_LABELS } from "./stage-words.js";

type StageEditorProps = {
  stage: StageDefinition;
  index: number;
  /** A saved stage's key is stored on leads and cannot change; a new one may be typed or left to follow the name. */
  isSaved: boolean;
  problem: ConfigProblem | null;
  onChange: (next: StageDefinition) => void;
};

const BLANK_ITEM: ChecklistItem = { key: "", label: "" };

/** One stage's playbook: name, milestone, goal, what must happen, what to say, exit checklist and stall limit. */
export function StageEditor({ stage, index, isSaved, problem, onChange }: StageEditorProps) {
  const id = useId();
  const path = `stages.${index}`;
  const set = (change: Partial<StageDefinition>) => onChange({ ...stage, ...change });
  const isClosed = isClosedMilestone(stage.milestone);
  const title = stage.name || "New stage";
  return (
    <section className="stage-editor" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="stage-editor-title">
        Stage {index + 1}: {title}
      </h3>
      <div className="field-row">
        <TextField label="Stage name" name="name" value={stage.name} maxLength={100} onChange={(event) => set({ name: event.target.value })} error={errorAt(problem, `${path}.name`)} />
        {isSaved ? (
          <div className="field">
            <span className="field-label">Key</span>
            <code className="stage-key">{stage.key}</code>
            <FieldError message={errorAt(problem, `${path}.key`)} />
          </div>
        ) : (
          <TextField label="Key" name="key" value={stage.key} placeholder="from the name" maxLength={50} onChange={(event) => set({ key: event.target.value })} error={errorAt(problem, `${path}.key`)} />
        )}
        <div className="field">
          <label htmlFor={`${id}-milestone`}>Counts as milestone</label>
          <select id={`${id}-milestone`} value={stage.milestone} onChange={(event) => set(milestoneChange(event.target.value as Milestone))} aria-invalid={errorAt(problem, `${path}.milestone`) ? true : undefined}>
            {MILESTONES.map((milestone) => (
              <option key={milestone} value={milestone}>
                {MILESTONE_LABELS[milestone]}
              </option>
            ))}
          </select>
          <FieldError message={errorAt(problem, `${path}.milestone`)} />
        </div>
      </div>
      <TextAreaField label="Goal" rows={2} value={stage.goal} onChange={(event) => set({ goal: event.target.value })} error={errorAt(problem, `${path}.goal`)} />
      <TextAreaField label="What must happen" rows={2} value={stage.mustHappen} onChange={(event) => set({ mustHappen: event.target.value })} error={errorAt(problem, `${path}.mustHappen`)} />
      <TextAreaField
        label="Talking points"
        hint="What to say in this stage, one per line."
        rows={3}
        value={stage.talkingPoints.join("\n")}
        onChange={(event) => set({ talkingPoints: event.target.value.split("\n") })}
        error={errorWithin(problem, `${path}.talkingPoints`)}
      />
      {isClosed ? (
        <p className="muted small">Won and lost stages close the lead: they have no exit checklist and never stall.</p>
      ) : (
        <>
          <KeyedRowsEditor legend="Exit checklist" noun="Exit item" rows={stage.exitChecklist} path={`${path}.exitChecklist`} problem={problem} blank={BLANK_ITEM} onChange={(exitChecklist) => set({ exitChecklist })} />
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-mode`}>When exit items are unchecked</label>
              <select id={`${id}-mode`} value={stage.checklistMode} onChange={(event) => set({ checklistMode: event.target.value as ChecklistMode })}>
                {(["warn", "block"] as const).map((mode) => (
                  <option key={mode} value={mode}>
                    {CHECKLIST_MODE_LABELS[mode]}
                  </option>
                ))}
              </select>
            </div>
            <TextField
              label="Stalled after (days; blank: never)"
              name="maxDaysInStage"
              type="number"
              min="1"
              step="1"
              value={stage.maxDaysInStage ?? ""}
              onChange={(event) => set({ maxDaysInStage: event.target.value === "" ? null : Number(event.target.value) })}
              error={errorAt(problem, `${path}.maxDaysInStage`)}
            />
          </div>
        </>
      )}
    </section>
  );
}

/** Won and lost stages may have no exit checklist or stall limit (the API refuses them), so choosing one clears both. */
function milestoneChange(milestone: Milestone): Partial<StageDefinition> {
  return isClosedMilestone(milestone) ? { milestone, exitChecklist: [], maxDaysInStage: null } : { milestone };
}
