import { type FormEvent, useId, useState } from "react";
import type { TimelineEvent } from "../../api/leads.js";
import { getObjectionSuggestions, listObjections, logObjection } from "../../api/objections.js";
import { FieldError } from "../../components/field-error.js";
import { FormActions } from "../../components/form-actions.js";
import { FormAlert } from "../../components/form-alert.js";
import { formProblemOf, NO_PROBLEM } from "../../components/form-problem.js";
import { useResource } from "../../hooks/use-resource.js";
import { ObjectionSuggestions } from "./objection-suggestions.js";
import { CATEGORY_LABELS, versionLabel, winRateLabel } from "./objection-words.js";
import { RaisedObjections } from "./raised-objections.js";

type ObjectionsPanelProps = { leadId: string; timeline: TimelineEvent[]; onChanged: () => void };

/** Objections the lead raised, and logging a new one with the response used; picking the objection shows what to answer. */
export function ObjectionsPanel({ leadId, timeline, onChanged }: ObjectionsPanelProps) {
  const id = useId();
  const catalog = useResource("objections", listObjections);
  const [objectionId, setObjectionId] = useState("");
  const [responseVersionId, setResponseVersionId] = useState("");
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [isSaving, setIsSaving] = useState(false);
  const suggestions = useResource(`${leadId}:${objectionId}`, async (signal) => (objectionId ? { objectionId, ...(await getObjectionSuggestions(leadId, objectionId, signal)) } : null));
  // The previous objection's suggestions stay in the resource until the new ones arrive; never show them under the new one.
  const shown = suggestions.data?.objectionId === objectionId ? suggestions.data : null;
  const active = catalog.data?.filter((objection) => objection.isActive) ?? [];

  function handleObjectionChange(next: string) {
    setObjectionId(next);
    setResponseVersionId("");
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const notes = String(new FormData(element).get("notes") ?? "").trim();
    setIsSaving(true);
    try {
      await logObjection(leadId, { objectionId, ...(responseVersionId ? { responseVersionId } : {}), ...(notes ? { notes } : {}) });
      element.reset();
      handleObjectionChange("");
      setProblem(NO_PROBLEM);
      onChanged();
    } catch (error) {
      setProblem(formProblemOf(error, ["objectionId", "responseVersionId", "notes"]));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <section className="panel objections-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Objections</h2>
      <RaisedObjections timeline={timeline} catalog={catalog.data ?? []} />
      <form onSubmit={handleSubmit} aria-label="Log an objection">
        <FormAlert message={catalog.error ?? suggestions.error ?? problem.message} />
        <div className="field">
          <label htmlFor={`${id}-objection`}>Objection</label>
          <select id={`${id}-objection`} value={objectionId} required onChange={(event) => handleObjectionChange(event.target.value)}>
            <option value="">Choose what they said</option>
            {active.map((objection) => (
              <option key={objection.id} value={objection.id}>
                {objection.name} ({CATEGORY_LABELS[objection.category as keyof typeof CATEGORY_LABELS] ?? objection.category})
              </option>
            ))}
          </select>
          <FieldError message={problem.fieldErrors.objectionId} />
        </div>
        {shown && <ObjectionSuggestions suggestions={shown} chosenId={responseVersionId} onChoose={setResponseVersionId} />}
        {objectionId && (
          <>
            <div className="field">
              <label htmlFor={`${id}-response`}>Response used</label>
              <select id={`${id}-response`} value={responseVersionId} onChange={(event) => setResponseVersionId(event.target.value)}>
                <option value="">None from the catalog</option>
                {shown?.responses.map((response) => (
                  <option key={response.id} value={response.id}>
                    {response.text} {versionLabel(response.version)} ({winRateLabel(response)})
                  </option>
                ))}
              </select>
              <FieldError message={problem.fieldErrors.responseVersionId} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-notes`}>Notes</label>
              <textarea id={`${id}-notes`} name="notes" rows={2} maxLength={5000} />
              <FieldError message={problem.fieldErrors.notes} />
            </div>
            <FormActions label="Log objection" isSaving={isSaving} busyLabel="Logging…" />
          </>
        )}
      </form>
    </section>
  );
}
