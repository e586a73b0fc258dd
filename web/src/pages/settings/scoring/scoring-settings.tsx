import { type FormEvent, useState } from "react";
import { getScoringConfig, type ScoringConfigView, saveScoringConfig } from "../../../api/scoring.js";
import { userCan } from "../../../app/permissions.js";
import { useSessionUser } from "../../../app/session-context.js";
import { AppLink } from "../../../components/app-link.js";
import { FormAlert } from "../../../components/form-alert.js";
import { useResource } from "../../../hooks/use-resource.js";
import { ConfigSaveBar, useConfigSave } from "../shared/config-save.js";
import { FitRulesEditor } from "./fit-rules-editor.js";
import { IntentRulesEditor } from "./intent-rules-editor.js";
import { ScorePreviewTable } from "./score-preview-table.js";
import { configOfDraft, draftOf, type ScoringDraft, scoringFieldPlace } from "./scoring-draft.js";
import { ThresholdFields } from "./threshold-fields.js";
import { useScorePreview } from "./use-score-preview.js";
import "./scoring-settings.css";

/** Loads the scoring rules, then shows the editor beside its live preview. */
export function ScoringSettings() {
  const config = useResource("scoring-config", getScoringConfig);
  return (
    <>
      <p className="muted">
        Each lead scores 0–100: a fit part (who they are) and an intent part (what they did, fading with time), blended with the learned model once it has enough history. Saved as a whole; open leads
        are rescored in the background. <AppLink href="/scoring/model">See the model and its calibration</AppLink>.
      </p>
      <FormAlert message={config.error} />
      {config.data && <ScoringForm view={config.data} onSaved={(next) => config.update(() => next)} />}
    </>
  );
}

type ScoringFormProps = { view: ScoringConfigView; onSaved: (next: ScoringConfigView) => void };

function ScoringForm({ view, onSaved }: ScoringFormProps) {
  const canEdit = userCan(useSessionUser(), "scoring:manage");
  const [draft, setDraft] = useState(() => draftOf(view));
  const saving = useConfigSave();
  const { problem, setProblem, setStatus } = saving;
  const config = configOfDraft(draft);
  const preview = useScorePreview(config, canEdit);
  const set = (change: Partial<ScoringDraft>) => {
    setDraft((current) => ({ ...current, ...change }));
    setStatus("");
  };
  /** Adding or removing a rule renumbers the list, so a refusal's field path no longer points where it did. */
  const renumber = (change: Partial<ScoringDraft>) => {
    set(change);
    setProblem(null);
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving.isSaving || !canEdit) return;
    await saving.save(() => saveScoringConfig(config), {
      placeOf: (field) => scoringFieldPlace(draft, field),
      savedStatus: "Saved. Open leads are being rescored.",
      onSaved: (saved) => {
        setDraft(draftOf(saved));
        onSaved(saved);
      },
    });
  }

  return (
    <div className="scoring-editor">
      <form onSubmit={handleSubmit} aria-label="Scoring rules" noValidate>
        {!canEdit && <p className="muted">Only admins and managers change the scoring rules.</p>}
        <fieldset className="plain-fieldset" disabled={!canEdit}>
          <FitRulesEditor rules={draft.fitRules} criteria={view.criteria} problem={problem} onChange={(fitRules) => set({ fitRules })} onRenumber={(fitRules) => renumber({ fitRules })} />
          <IntentRulesEditor rules={draft.intentRules} problem={problem} onChange={(intentRules) => set({ intentRules })} onRenumber={(intentRules) => renumber({ intentRules })} />
          <ThresholdFields draft={draft} problem={problem} onChange={set} />
        </fieldset>
        {canEdit && (
          <ConfigSaveBar label="Save scoring rules" className="scoring-save-bar" saving={saving} />
        )}
      </form>
      {canEdit && <ScorePreviewTable preview={preview} placeOf={(field) => scoringFieldPlace(draft, field)} />}
    </div>
  );
}
