import { type FormEvent, useId, useState } from "react";
import { logTouch, type NewTouch } from "../../api/lead-work.js";
import { FieldError } from "../../components/field-error.js";
import { FormActions } from "../../components/form-actions.js";
import { FormAlert } from "../../components/form-alert.js";
import { formProblemOf, NO_PROBLEM } from "../../components/form-problem.js";
import { CALL_OUTCOMES, type TouchChannel, TOUCH_CHANNELS } from "../../../../src/domain/touches/touch.js";
import { CHANNEL_LABELS, OUTCOME_LABELS } from "./touch-labels.js";

// Only notes has a box of its own to show an error under; the rest are choices the API cannot reject one by one.
const FIELDS = ["notes"] as const;

type LogTouchFormProps = { leadId: string; onLogged: () => void };

function touchOf(form: FormData, channel: TouchChannel): NewTouch {
  const notes = String(form.get("notes") ?? "").trim();
  const touch: NewTouch = { channel, direction: form.get("direction") === "in" ? "in" : "out", notes: notes || null };
  if (channel !== "call") return touch;
  const minutes = Number(form.get("durationMinutes") || 0);
  const outcome = String(form.get("outcome") ?? "");
  return { ...touch, outcome: outcome ? (outcome as NewTouch["outcome"]) : null, durationSeconds: minutes > 0 ? Math.round(minutes * 60) : null };
}

/** Records a call, email, SMS, LinkedIn message or meeting; the first outbound call, email or SMS stops the SLA clock. */
export function LogTouchForm({ leadId, onLogged }: LogTouchFormProps) {
  const id = useId();
  const [channel, setChannel] = useState<TouchChannel>("call");
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [status, setStatus] = useState("");
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    setIsSubmitting(true);
    setStatus("");
    try {
      const result = await logTouch(leadId, touchOf(new FormData(element), channel));
      element.reset();
      setChannel("call");
      setProblem(NO_PROBLEM);
      setStatus(result.stoppedSlaClock ? "Logged. That was the first response: the SLA clock has stopped." : "Logged.");
      onLogged();
    } catch (error) {
      setProblem(formProblemOf(error, FIELDS));
    } finally {
      setIsSubmitting(false);
    }
  }

  return (
    <form className="panel touch-form" onSubmit={handleSubmit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Log touch</h2>
      <FormAlert message={problem.message} />
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-channel`}>Channel</label>
          <select id={`${id}-channel`} name="channel" value={channel} onChange={(event) => setChannel(event.target.value as TouchChannel)}>
            {TOUCH_CHANNELS.map((option) => (
              <option key={option} value={option}>
                {CHANNEL_LABELS[option]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-direction`}>Direction</label>
          <select id={`${id}-direction`} name="direction" defaultValue="out">
            <option value="out">Out: we reached them</option>
            <option value="in">In: they reached us</option>
          </select>
        </div>
        {channel === "call" && (
          <>
            <div className="field">
              <label htmlFor={`${id}-outcome`}>Outcome</label>
              <select id={`${id}-outcome`} name="outcome" defaultValue="connected">
                {CALL_OUTCOMES.map((outcome) => (
                  <option key={outcome} value={outcome}>
                    {OUTCOME_LABELS[outcome]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-duration`}>Minutes</label>
              <input id={`${id}-duration`} name="durationMinutes" type="number" min="0" max="1440" step="1" inputMode="numeric" />
            </div>
          </>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-notes`}>Notes</label>
        <textarea id={`${id}-notes`} name="notes" rows={2} maxLength={5000} />
        <FieldError message={problem.fieldErrors.notes} />
      </div>
      <FormActions label="Log touch" isSaving={isSubmitting} busyLabel="Logging…">
        <span className="muted small" role="status">
          {status}
        </span>
      </FormActions>
    </form>
  );
}
