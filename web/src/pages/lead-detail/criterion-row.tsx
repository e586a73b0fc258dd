import { useId } from "react";
import type { CriterionAnswer, QualificationRow } from "../../api/qualification.js";
import type { TeamMember } from "../../api/users.js";
import { formatDateTime } from "../../format/format-time.js";
import { personLabel } from "./event-labels.js";
import { ANSWER_LABELS, ANSWERS } from "./qualification-words.js";

type CriterionRowProps = {
  row: QualificationRow;
  value: { answer: CriterionAnswer | null; notes: string };
  team: TeamMember[];
  timeZone: string;
  onChange: (value: { answer: CriterionAnswer | null; notes: string }) => void;
};

/** One criterion: its question, yes / no / unknown, notes, and who answered it when. */
export function CriterionRow({ row, value, team, timeZone, onChange }: CriterionRowProps) {
  const id = useId();
  return (
    <fieldset className={`criterion criterion-${value.answer ?? "unanswered"}`}>
      <legend>{row.label}</legend>
      <p className="muted small criterion-question">{row.question}</p>
      <div className="criterion-answers">
        {ANSWERS.map((answer) => (
          <label key={answer} className="checkbox">
            <input type="radio" name={`${id}-answer`} value={answer} checked={value.answer === answer} onChange={() => onChange({ ...value, answer })} /> {ANSWER_LABELS[answer]}
          </label>
        ))}
      </div>
      <div className="field">
        <label htmlFor={`${id}-notes`}>{row.label} notes</label>
        <input id={`${id}-notes`} value={value.notes} maxLength={2000} onChange={(event) => onChange({ ...value, notes: event.target.value })} />
      </div>
      {row.answeredAt !== null && (
        <p className="muted small">
          Answered by {row.answeredBy ? personLabel(row.answeredBy, team) : "someone"}, {formatDateTime(row.answeredAt, timeZone)}
        </p>
      )}
    </fieldset>
  );
}
