import { useState } from "react";
import { FormActions } from "../../../components/form-actions.js";
import { FormAlert } from "../../../components/form-alert.js";
import { type ConfigProblem, configProblemOf, problemDetail } from "../pipeline/config-field.js";

type SaveOptions<T> = {
  /** Where a refused field is, in words, e.g. "Stage 2, Key"; named when the refusal arrives, as lists may renumber after. */
  placeOf: (field: string) => string;
  /** The status line once saved. */
  savedStatus: string;
  onSaved: (saved: T) => void;
  onRefused?: (problem: ConfigProblem) => void;
};

export type ConfigSave = {
  /** The refusal of the last save, for the field it names. */
  problem: ConfigProblem | null;
  setProblem: (problem: ConfigProblem | null) => void;
  /** The refusal in words, beside the save button. */
  refusal: string | null;
  status: string;
  setStatus: (status: string) => void;
  isSaving: boolean;
  /** Sends a whole settings document; the caller checks isSaving (and whether the user may save) first. */
  save: <T>(request: () => Promise<T>, options: SaveOptions<T>) => Promise<void>;
};

/** The save flow of a settings page that is saved as a whole: status, the refusal and where it points, and the request in flight. */
export function useConfigSave(): ConfigSave {
  const [problem, setProblem] = useState<ConfigProblem | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [isSaving, setIsSaving] = useState(false);

  async function save<T>(request: () => Promise<T>, { placeOf, savedStatus, onSaved, onRefused }: SaveOptions<T>) {
    setStatus("");
    setIsSaving(true);
    try {
      const saved = await request();
      setProblem(null);
      setRefusal(null);
      setStatus(savedStatus);
      onSaved(saved);
    } catch (error) {
      const next = configProblemOf(error);
      setProblem(next);
      setRefusal(`Not saved. ${next.field ? `${placeOf(next.field)}: ` : ""}${problemDetail(next)}`);
      onRefused?.(next);
    } finally {
      setIsSaving(false);
    }
  }

  return { problem, setProblem, refusal, status, setStatus, isSaving, save };
}

type ConfigSaveBarProps = { label: string; className: string; saving: ConfigSave };

/** The save button with the last save's status and refusal beside it. */
export function ConfigSaveBar({ label, className, saving }: ConfigSaveBarProps) {
  return (
    <FormActions label={label} isSaving={saving.isSaving} className={className}>
      <span className="muted small" role="status">
        {saving.status}
      </span>
      <FormAlert message={saving.refusal} />
    </FormActions>
  );
}
