import { type FormEvent, useId, useState } from "react";
import { type SentProposal, sendProposal } from "../../api/lead-pipeline.js";
import { FieldError } from "../../components/field-error.js";
import { FormActions } from "../../components/form-actions.js";
import { FormAlert } from "../../components/form-alert.js";
import { type FormProblem, formProblemOf, NO_PROBLEM } from "../../components/form-problem.js";
import { localTimeOf } from "../../format/zoned-time.js";
import { proposalOf } from "./deal-words.js";

type ProposalFormProps = { leadId: string; timeZone: string; defaultAmount: number | null; onSent: (proposal: SentProposal) => void; onCancel: () => void };

/** Records a proposal sent: amount and day. */
export function ProposalForm({ leadId, timeZone, defaultAmount, onSent, onCancel }: ProposalFormProps) {
  const id = useId();
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [isSaving, setIsSaving] = useState(false);
  const today = localTimeOf(Date.now(), timeZone).slice(0, 10);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const reading = proposalOf(String(form.get("amount") ?? ""), String(form.get("sentOn") ?? ""), today, timeZone);
    if (!("proposal" in reading)) return setProblem({ fieldErrors: { [reading.field]: reading.message }, message: null });
    setIsSaving(true);
    try {
      onSent(await sendProposal(leadId, reading.proposal));
    } catch (error) {
      setProblem(formProblemOf(error, ["amount", "sentAt"]));
      setIsSaving(false);
    }
  }

  return (
    <form className="inline-panel" onSubmit={handleSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`} className="panel-subtitle">
        Proposal sent
      </h3>
      <FormAlert message={problem.message} />
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-amount`}>Amount</label>
          <input id={`${id}-amount`} name="amount" inputMode="decimal" required defaultValue={defaultAmount ?? undefined} aria-invalid={problem.fieldErrors.amount ? true : undefined} />
          <FieldError message={problem.fieldErrors.amount} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-sent`}>Sent on</label>
          <input id={`${id}-sent`} name="sentOn" type="date" max={today} defaultValue={today} aria-invalid={problem.fieldErrors.sentAt ? true : undefined} />
          <FieldError message={problem.fieldErrors.sentAt} />
        </div>
      </div>
      <FormActions label="Record proposal" isSaving={isSaving} onCancel={onCancel} />
    </form>
  );
}
