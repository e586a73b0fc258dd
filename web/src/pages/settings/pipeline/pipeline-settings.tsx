import { type FormEvent, useState } from "react";
import { getPipeline, type OutcomeReason, type PipelineConfig, type QualificationCriterion, savePipeline, type StageDefinition } from "../../../api/pipeline.js";
import { FieldError } from "../../../components/field-error.js";
import { FormAlert } from "../../../components/form-alert.js";
import { TextField } from "../../../components/text-field.js";
import { useResource } from "../../../hooks/use-resource.js";
import { ConfigSaveBar, useConfigSave } from "../shared/config-save.js";
import { type ConfigProblem, errorAt, fieldPlace, stageIndexOf } from "./config-field.js";
import { KeyedRowsEditor } from "./keyed-rows-editor.js";
import { addStage, completeConfig, moveItem } from "./pipeline-draft.js";
import { StageEditor } from "./stage-editor.js";
import { StageList } from "./stage-list.js";
import "./pipeline-settings.css";

/** Loads the sales process, then shows its editor. */
export function PipelineSettings() {
  const pipeline = useResource("pipeline", getPipeline);
  return (
    <>
      <p className="muted">The stages leads move through and what each asks of the rep, the qualification questions, and the reasons a lead is disqualified or lost. Saved as a whole.</p>
      <FormAlert message={pipeline.error} />
      {pipeline.data && <PipelineForm config={pipeline.data} onSaved={(next) => pipeline.update(() => next)} />}
    </>
  );
}

const BLANK_CRITERION: QualificationCriterion = { key: "", label: "", question: "" };
const BLANK_REASON: OutcomeReason = { key: "", label: "", requiresNote: false };

function PipelineForm({ config, onSaved }: { config: PipelineConfig; onSaved: (next: PipelineConfig) => void }) {
  const [draft, setDraft] = useState(config);
  const [savedKeys, setSavedKeys] = useState(() => config.stages.map((stage) => stage.key));
  const [selected, setSelected] = useState(0);
  // The refusal's place is named in words when it arrives: stage numbers shift as stages move.
  const saving = useConfigSave();
  const { problem, setProblem } = saving;
  const set = (change: Partial<PipelineConfig>) => setDraft((current) => ({ ...current, ...change }));
  const stage = draft.stages[selected];

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving.isSaving) return;
    // Field paths in a refusal point into what was sent, so the draft becomes exactly that.
    const body = completeConfig(draft);
    setDraft(body);
    await saving.save(() => savePipeline(body), {
      placeOf: (field) => fieldPlace(body, field),
      savedStatus: "Saved.",
      onSaved: (saved) => {
        setDraft(saved);
        setSavedKeys(saved.stages.map((one) => one.key));
        onSaved(saved);
      },
      onRefused: (next) => setSelected((current) => stageIndexOf(next) ?? current),
    });
  }

  /** Adding, moving or removing a stage renumbers them, so a refusal's field path no longer points where it did. */
  function changeStages(stages: StageDefinition[]) {
    set({ stages });
    setProblem(null);
  }

  function handleAddStage() {
    const { stages, index } = addStage(draft.stages);
    changeStages(stages);
    setSelected(index);
  }

  function handleMoveStage(index: number, offset: -1 | 1) {
    changeStages(moveItem(draft.stages, index, offset));
    if (selected === index) setSelected(index + offset);
  }

  function handleRemoveStage(index: number) {
    changeStages(draft.stages.filter((_, i) => i !== index));
    setSelected((current) => Math.max(0, current > index ? current - 1 : Math.min(current, draft.stages.length - 2)));
  }

  return (
    <form onSubmit={handleSubmit} aria-label="Pipeline settings" noValidate>
      <section className="panel" aria-labelledby="stages-title">
        <h2 id="stages-title">Stages</h2>
        <p className="muted small">Captured leads start in the first stage (key new). Open stages follow the milestones in order; one won and one lost stage come last.</p>
        <FieldError message={errorAt(problem, "stages")} />
        <div className="settings-columns stages-columns">
          <StageList stages={draft.stages} selected={selected} onSelect={setSelected} onMove={handleMoveStage} onRemove={handleRemoveStage} onAdd={handleAddStage} />
          {stage && (
            <StageEditor
              key={selected}
              stage={stage}
              index={selected}
              isSaved={savedKeys.includes(stage.key) && stage.key !== ""}
              problem={problem}
              onChange={(next) => set({ stages: draft.stages.map((one, i) => (i === selected ? next : one)) })}
            />
          )}
        </div>
      </section>
      <section className="panel" aria-labelledby="qualification-title">
        <h2 id="qualification-title">Qualification</h2>
        <KeyedRowsEditor
          legend="Criteria: a lead is qualified when every one is answered yes"
          noun="Criterion"
          rows={draft.qualificationCriteria}
          path="qualificationCriteria"
          problem={problem}
          blank={BLANK_CRITERION}
          onChange={(qualificationCriteria) => set({ qualificationCriteria })}
          renderExtra={(row, rowName, change) => <input aria-label={`${rowName} question`} placeholder="The question to ask" value={row.question} onChange={(event) => change({ question: event.target.value })} />}
        />
      </section>
      <section className="panel" aria-labelledby="reasons-title">
        <h2 id="reasons-title">Reasons</h2>
        <ReasonsEditor legend="Disqualification reasons" noun="Disqualification reason" path="disqualificationReasons" rows={draft.disqualificationReasons} problem={problem} onChange={(disqualificationReasons) => set({ disqualificationReasons })} />
        <ReasonsEditor legend="Lost reasons" noun="Lost reason" path="lostReasons" rows={draft.lostReasons} problem={problem} onChange={(lostReasons) => set({ lostReasons })} />
      </section>
      <section className="panel" aria-labelledby="timing-title">
        <h2 id="timing-title">Timing</h2>
        <div className="field-row">
          <TextField
            label="Next step overdue after (minutes past due)"
            name="nextStepOverdueAfterMinutes"
            type="number"
            min="0"
            step="1"
            value={draft.nextStepOverdueAfterMinutes}
            onChange={(event) => set({ nextStepOverdueAfterMinutes: Number(event.target.value) })}
            error={errorAt(problem, "nextStepOverdueAfterMinutes")}
          />
          <TextField
            label="Expectation tolerance (% from the campaign's price anchor)"
            name="expectationTolerancePercent"
            type="number"
            min="0"
            step="1"
            value={draft.expectationTolerancePercent}
            onChange={(event) => set({ expectationTolerancePercent: Number(event.target.value) })}
            error={errorAt(problem, "expectationTolerancePercent")}
          />
        </div>
      </section>
      {/* Sticky, so the verdict of a save stands beside its button however far down the form was scrolled. */}
      <ConfigSaveBar label="Save pipeline" className="pipeline-save-bar" saving={saving} />
    </form>
  );
}

type ReasonsEditorProps = { legend: string; noun: string; path: string; rows: OutcomeReason[]; problem: ConfigProblem | null; onChange: (next: OutcomeReason[]) => void };

function ReasonsEditor(props: ReasonsEditorProps) {
  return (
    <KeyedRowsEditor
      {...props}
      blank={BLANK_REASON}
      renderExtra={(row, rowName, change) => (
        <label className="checkbox">
          <input type="checkbox" aria-label={`${rowName} needs a note`} checked={row.requiresNote} onChange={(event) => change({ requiresNote: event.target.checked })} /> Needs a note
        </label>
      )}
    />
  );
}
