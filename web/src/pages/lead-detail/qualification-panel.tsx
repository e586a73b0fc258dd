import { useId, useState } from "react";
import type { PipelineConfig } from "../../api/pipeline.js";
import { getQualification, type Qualification, requalifyLead } from "../../api/qualification.js";
import type { TeamMember } from "../../api/users.js";
import { FormAlert } from "../../components/form-alert.js";
import { problemMessageOf } from "../../components/form-problem.js";
import { formatDateTime } from "../../format/format-time.js";
import { useResource } from "../../hooks/use-resource.js";
import { DisqualifyForm } from "./disqualify-form.js";
import { QualificationForm } from "./qualification-form.js";
import { QUALIFICATION_STATUS_LABELS } from "./qualification-words.js";

type QualificationPanelProps = { leadId: string; revision: string; config: PipelineConfig; isOpen: boolean; team: TeamMember[]; timeZone: string; onChanged: () => void };

/** Qualification: the criteria answered with who and when, the cost of inaction, and disqualifying or requalifying the lead. */
export function QualificationPanel({ leadId, revision, config, isOpen, team, timeZone, onChanged }: QualificationPanelProps) {
  const id = useId();
  const qualification = useResource(`${leadId}@${revision}`, (signal) => getQualification(leadId, signal));
  const [isDisqualifying, setIsDisqualifying] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const data = qualification.data;

  function handleSaved(next: Qualification) {
    qualification.update(() => next);
    setIsDisqualifying(false);
    onChanged();
  }

  async function handleRequalify() {
    setProblem(null);
    try {
      handleSaved(await requalifyLead(leadId));
    } catch (error) {
      setProblem(problemMessageOf(error));
    }
  }

  return (
    <section className="panel qualification-panel" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Qualification</h2>
        {data && <span className={`badge badge-qualification-${data.status}`}>{QUALIFICATION_STATUS_LABELS[data.status]}</span>}
      </div>
      <FormAlert message={qualification.error ?? problem} />
      {data?.disqualification && (
        <div className="disqualified">
          <p>
            <strong>Disqualified: {data.disqualification.label}</strong>
            {data.disqualification.note ? ` — ${data.disqualification.note}` : ""}{" "}
            <span className="muted">({formatDateTime(data.disqualification.at, timeZone)})</span>
          </p>
          <button type="button" className="button-quiet" onClick={handleRequalify}>
            Requalify
          </button>
        </div>
      )}
      {data && <QualificationForm key={JSON.stringify(data)} leadId={leadId} qualification={data} team={team} timeZone={timeZone} onSaved={handleSaved} />}
      {data && !data.disqualification && isOpen && !isDisqualifying && (
        <button type="button" className="button-quiet" onClick={() => setIsDisqualifying(true)}>
          Disqualify…
        </button>
      )}
      {isDisqualifying && <DisqualifyForm leadId={leadId} reasons={config.disqualificationReasons} onDisqualified={handleSaved} onCancel={() => setIsDisqualifying(false)} />}
    </section>
  );
}
