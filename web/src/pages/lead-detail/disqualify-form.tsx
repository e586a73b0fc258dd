import { type FormEvent, useId, useState } from "react";
import type { OutcomeReason } from "../../api/pipeline.js";
import { disqualifyLead, type Qualification } from "../../api/qualification.js";
import { FormActions } from "../../components/form-actions.js";
import { FormAlert } from "../../components/form-alert.js";
import { type FormProblem, formProblemOf, NO_PROBLEM } from "../../components/form-problem.js";
import { ReasonFields, reasonOf } from "./reason-fields.js";

type DisqualifyFormProps = { leadId: string; reasons: OutcomeReason[]; onDisqualified: (qualification: Qualification) => void; onCancel: () => void };

/** Disqualifies the lead with a reason (and a note when the reason asks for one); this closes it. */
export function DisqualifyForm({ leadId, reasons, onDisqualified, onCancel }: DisqualifyFormProps) {
  const id = useId();
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [isSaving, setIsSaving] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsSaving(true);
    try {
      onDisqualified(await disqualifyLead(leadId, reasonOf(new FormData(event.currentTarget))));
    } catch (error) {
      setProblem(formProblemOf(error, ["reason", "note"]));
      setIsSaving(false);
    }
  }

  return (
    <form className="inline-panel" onSubmit={handleSubmit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="panel-subtitle">
        Disqualify this lead
      </h3>
      <FormAlert message={problem.message} />
      <ReasonFields reasons={reasons} problem={problem} />
      <FormActions label="Disqualify" isSaving={isSaving} busyLabel="Disqualifying…" onCancel={onCancel} />
    </form>
  );
}
