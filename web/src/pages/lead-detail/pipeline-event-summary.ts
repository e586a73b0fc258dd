import type { PipelineConfig } from "../../api/pipeline.js";
import type { Qualification } from "../../api/qualification.js";
import type { TeamMember } from "../../api/users.js";
import { amountOfCents, formatAmount } from "../../format/format-money.js";
import { formatDateTime } from "../../format/format-time.js";
import { ownerName } from "../../hooks/use-team.js";
import { expectationText } from "./deal-words.js";
import { providerLabel, readinessSummary } from "./meeting-words.js";
import { ANSWER_LABELS, QUALIFICATION_STATUS_LABELS } from "./qualification-words.js";
import { stageName } from "./stage-words.js";

export type PipelineSummaryContext = { team: TeamMember[]; timeZone: string; pipeline: PipelineConfig | null };

type Data = Record<string, unknown>;
type QualificationStatus = Qualification["status"];

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);
const sentence = (...parts: (string | null)[]) => {
  const line = parts.filter((part) => part !== null).join(" ");
  return line === "" ? null : line;
};
const when = (at: unknown, timeZone: string) => (typeof at === "number" ? formatDateTime(new Date(at).toISOString(), timeZone) : null);
const money = (cents: unknown) => (typeof cents === "number" ? formatAmount(amountOfCents(cents)) : null);

/** Exit-checklist items by their labels; events store keys (or `{key, label}` pairs), the labels come from the stage. */
function itemLabels(items: unknown, stageKey: unknown, pipeline: PipelineConfig | null): string[] {
  if (!Array.isArray(items)) return [];
  const checklist = pipeline?.stages.find((stage) => stage.key === stageKey)?.exitChecklist ?? [];
  return items.map((item: unknown) => {
    if (typeof item === "object" && item !== null && "label" in item) return String(item.label);
    return checklist.find((entry) => entry.key === item)?.label ?? String(item);
  });
}

function stageChange(data: Data, pipeline: PipelineConfig | null): string {
  const move = `${stageName(pipeline, String(data.from))} → ${stageName(pipeline, String(data.to))}.`;
  const missing = itemLabels(data.missingItems, data.from, pipeline);
  return missing.length > 0 ? `${move} Exit checklist incomplete: ${missing.join(", ")}.` : move;
}

function reasonLine(data: Data): string | null {
  const reason = text(data.reasonLabel) ?? text(data.reason);
  return reason && `${reason}${text(data.note) ? `: ${text(data.note)}` : "."}`;
}

function proposalLine(data: Data): string | null {
  const amount = typeof data.amountCents === "number" ? amountOfCents(data.amountCents) : null;
  if (amount === null) return null;
  const priceAnchor = typeof data.priceAnchorCents === "number" ? amountOfCents(data.priceAnchorCents) : null;
  const deviationPercent = typeof data.deviationPercent === "number" ? data.deviationPercent : null;
  const expectation = expectationText({ amount, priceAnchor, deviationPercent, isExpectationMismatch: data.isExpectationMismatch === true });
  return sentence(`For ${formatAmount(amount)}.`, expectation);
}

function nextStepLine(data: Data, { team, timeZone }: PipelineSummaryContext): string | null {
  const due = when(data.dueAt, timeZone);
  const owner = typeof data.ownerId === "string" ? ` (${ownerName(team, data.ownerId)})` : "";
  const previous = typeof data.previous === "object" && data.previous !== null ? when((data.previous as Data).dueAt, timeZone) : null;
  return sentence(text(data.action) && `${text(data.action)}${due ? `, due ${due}` : ""}${owner}.`, previous && `Was due ${previous}.`);
}

function answersLine(data: Data, pipeline: PipelineConfig | null): string | null {
  const answers = Array.isArray(data.answers) ? (data.answers as Data[]) : [];
  const label = (key: unknown) => pipeline?.qualificationCriteria.find((criterion) => criterion.key === key)?.label ?? String(key);
  const parts = answers.map((answer) => `${label(answer.criterion)}: ${ANSWER_LABELS[answer.answer as keyof typeof ANSWER_LABELS]?.toLowerCase() ?? String(answer.answer)}${text(answer.notes) ? ` (${text(answer.notes)})` : ""}`);
  const cost = text(data.costOfInaction);
  return sentence(parts.length > 0 ? `${parts.join("; ")}.` : null, cost && `Why now: ${cost}`);
}

function meetingLine(data: Data, timeZone: string): string | null {
  const provider = typeof data.provider === "string" ? providerLabel(data.provider) : null;
  const name = text(data.title) ?? (data.isFirst === true ? "First meeting" : null);
  const at = when(data.startsAt, timeZone);
  const from = when(data.fromStartsAt, timeZone);
  const moment = at && `${from ? `Moved from ${from} to ` : ""}${at}${provider ? ` via ${provider}` : ""}.`;
  return sentence(name && `${name}.`, moment, text(data.notes));
}

function readinessLine(data: Data): string | null {
  const { understandsProblem, understandsApproach, readyToEvaluate } = data;
  if (typeof understandsProblem !== "boolean" || typeof understandsApproach !== "boolean" || typeof readyToEvaluate !== "boolean") return null;
  return sentence(readinessSummary({ understandsProblem, understandsApproach, readyToEvaluate }), text(data.notes));
}

/** One line on a pipeline event (stages, qualification, next steps, meetings, proposals, outcomes, objections), or null. */
export function pipelineEventSummary(type: string, data: Data, context: PipelineSummaryContext): string | null {
  switch (type) {
    case "stage_changed":
      return stageChange(data, context.pipeline);
    case "won":
      return money(data.amountCents) && `For ${money(data.amountCents)}.`;
    case "lost":
    case "disqualified":
      return reasonLine(data);
    case "proposal_sent":
      return proposalLine(data);
    case "next_step_set":
    case "next_step_rescheduled":
    case "next_step_due":
    case "next_step_overdue":
      return nextStepLine(data, context);
    case "next_step_done":
      return sentence(text(data.action), text(data.outcome) && `→ ${text(data.outcome)}`);
    case "qualification_answered":
      return answersLine(data, context.pipeline);
    case "qualified":
      return "Every criterion answered yes.";
    case "requalified":
      return typeof data.status === "string" && data.status in QUALIFICATION_STATUS_LABELS ? `Back to ${QUALIFICATION_STATUS_LABELS[data.status as QualificationStatus].toLowerCase()}.` : null;
    case "meeting_booked":
    case "meeting_rescheduled":
    case "meeting_held":
    case "no_show":
    case "meeting_canceled":
      return meetingLine(data, context.timeZone);
    case "readiness_checked":
      return readinessLine(data);
    case "objection_logged":
      return text(data.objectionName) && `${text(data.objectionName)}${text(data.notes) ? `: ${text(data.notes)}` : "."}`;
    default:
      return null;
  }
}
