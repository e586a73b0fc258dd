import type { AttentionItem } from "../../api/attention.js";
import type { PipelineConfig } from "../../api/pipeline.js";
import type { TeamMember } from "../../api/users.js";
import { AppLink } from "../../components/app-link.js";
import { formatAmount } from "../../format/format-money.js";
import { formatDateTime } from "../../format/format-time.js";
import { ownerName } from "../../hooks/use-team.js";
import { nextStepStatusOf } from "../lead-detail/next-step-words.js";
import { stageName } from "../lead-detail/stage-words.js";
import { isUrgentReason, reasonText } from "./attention-reasons.js";

type AttentionTableProps = { items: AttentionItem[]; pipeline: PipelineConfig | null; team: TeamMember[]; isTeamView: boolean; timeZone: string; now: number };

/** Leads needing attention in the API's order: why, the next step, stage, days in it and value. */
export function AttentionTable({ items, pipeline, team, isTeamView, timeZone, now }: AttentionTableProps) {
  return (
    <table className="lead-table attention-table">
      <thead>
        <tr>
          <th scope="col">Lead</th>
          <th scope="col">Why</th>
          <th scope="col">Next step</th>
          <th scope="col">Stage</th>
          <th scope="col">Days in stage</th>
          <th scope="col">Value</th>
          {isTeamView && <th scope="col">Owner</th>}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.lead.id} className={item.reasons.some((reason) => isUrgentReason(reason.code)) ? "is-overdue" : undefined}>
            <td>
              <AppLink href={`/leads/${encodeURIComponent(item.lead.id)}`} data-lead-id={item.lead.id} state={{ isFromList: true }}>
                {item.lead.displayName}
              </AppLink>
              {item.lead.company && <div className="muted small">{item.lead.company}</div>}
            </td>
            <td>
              <ul className="reason-list">
                {item.reasons.map((reason) => (
                  <li key={reason.code} className={isUrgentReason(reason.code) ? "reason-urgent" : undefined}>
                    {reasonText(reason)}
                  </li>
                ))}
              </ul>
            </td>
            <td>{item.nextStep ? <NextStepCell step={item.nextStep} overdueAfterMinutes={pipeline?.nextStepOverdueAfterMinutes} timeZone={timeZone} now={now} /> : <span className="muted">None</span>}</td>
            <td>{stageName(pipeline, item.stage)}</td>
            <td className="number">{item.daysInStage}</td>
            <td className="number">{item.value === null ? <span className="muted">—</span> : formatAmount(item.value)}</td>
            {isTeamView && <td>{ownerName(team, item.lead.ownerId)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type NextStepCellProps = { step: NonNullable<AttentionItem["nextStep"]>; overdueAfterMinutes: number | undefined; timeZone: string; now: number };

function NextStepCell({ step, overdueAfterMinutes, timeZone, now }: NextStepCellProps) {
  const { tone, text } = nextStepStatusOf(step, now, overdueAfterMinutes);
  return (
    <>
      {step.action}
      <div className={tone === "scheduled" ? "muted small" : `small next-step-${tone}-text`}>
        {tone === "scheduled" ? "Due" : `${text}:`} {formatDateTime(step.dueAt, timeZone)}
      </div>
    </>
  );
}
