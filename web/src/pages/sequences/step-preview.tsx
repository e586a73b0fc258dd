import { useState } from "react";
import type { Lead } from "../../api/leads.js";
import { previewStep, type SequenceStep, type StepPreview } from "../../api/sequences.js";
import { FormAlert } from "../../components/form-alert.js";
import { configProblemOf, problemDetail } from "../settings/pipeline/config-field.js";

type StepPreviewProps = { step: SequenceStep; stepName: string; lead: Lead | null };

/** Renders the step as edited (unsaved) for the preview lead: the subject and body it would send, or what stops it. */
export function StepPreviewButton({ step, stepName, lead }: StepPreviewProps) {
  const [preview, setPreview] = useState<StepPreview | null>(null);
  /** Why the step would not go out for this lead (a variable empty on it), or why the preview failed. */
  const [error, setError] = useState<string | null>(null);
  const [isRendering, setIsRendering] = useState(false);

  async function handlePreview() {
    if (!lead) return;
    setIsRendering(true);
    try {
      setPreview(await previewStep(lead.id, step));
      setError(null);
    } catch (failure) {
      setPreview(null);
      setError(previewProblemOf(failure));
    } finally {
      setIsRendering(false);
    }
  }

  return (
    <div className="step-preview">
      <button type="button" className="button-quiet" disabled={!lead || isRendering} onClick={handlePreview} aria-label={`Preview ${stepName.toLowerCase()}`}>
        {isRendering ? "Rendering…" : lead ? `Preview for ${lead.displayName}` : "Preview (find a lead above)"}
      </button>
      <div aria-live="polite">
        <FormAlert message={error && `Would not send: ${error}`} />
        {preview && <PreviewResult preview={preview} step={step} />}
      </div>
    </div>
  );
}

/** "step.body: lead.title has no value…" → "body: lead.title has no value…": the step is the one on screen. */
function previewProblemOf(failure: unknown): string {
  const problem = configProblemOf(failure);
  const part = problem.field?.startsWith("step.") ? `${problem.field.slice("step.".length)}: ` : "";
  return `${part}${problemDetail(problem)}`;
}

function PreviewResult({ preview, step }: { preview: StepPreview; step: SequenceStep }) {
  return (
    <div className="preview-result rendered-email">
      {step.channel === "email" && (
        <p>
          <span className="muted">Subject:</span> <strong className="rendered-subject">{preview.subject}</strong>
        </p>
      )}
      <pre className="rendered-body">{preview.text}</pre>
    </div>
  );
}
