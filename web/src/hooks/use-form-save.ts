import { useState } from "react";
import { type FormProblem, formProblemOf, NO_PROBLEM } from "../components/form-problem.js";

export type FormSave = {
  problem: FormProblem;
  /** For checks made before sending, e.g. a box that must not be blank. */
  setProblem: (problem: FormProblem) => void;
  isSaving: boolean;
  /**
   * Sends the form. Saved: calls onSaved and stays busy, as the form is about to close. Refused:
   * shows the problem beside the named field (one of `fields`) or above the form, and allows another try.
   */
  submit: (request: () => Promise<unknown>, onSaved: () => void) => Promise<void>;
};

/** The submit flow of a form that closes once saved: the request in flight and the refusal it met. */
export function useFormSave(fields: readonly string[]): FormSave {
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [isSaving, setIsSaving] = useState(false);

  async function submit(request: () => Promise<unknown>, onSaved: () => void) {
    setIsSaving(true);
    try {
      await request();
      onSaved();
    } catch (error) {
      setProblem(formProblemOf(error, fields));
      setIsSaving(false);
    }
  }

  return { problem, setProblem, isSaving, submit };
}
