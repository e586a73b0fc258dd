import type { LeadOutcome, SentProposal, StageMove } from "../../api/lead-pipeline.js";
import { formatAmount, parseAmount } from "../../format/format-money.js";
import { isoOfLocalTime } from "../../format/zoned-time.js";

type FieldProblem = { field: string; message: string };

/** The proposal request: the amount, and the day it went out (left out for today, so the server stamps the moment). */
export function proposalOf(amountText: string, sentOn: string, today: string, timeZone: string): { proposal: { amount: number; sentAt?: string } } | FieldProblem {
  const amount = parseAmount(amountText);
  if (amount === null) return { field: "amount", message: "Enter the amount, e.g. 12500 or 12,500.50." };
  if (!sentOn || sentOn === today) return { proposal: { amount } };
  // Midday in the person's zone: the same calendar day for anyone within twelve hours of them.
  const sentAt = isoOfLocalTime(`${sentOn}T12:00`, timeZone);
  return sentAt === null ? { field: "sentAt", message: "Pick the day it was sent." } : { proposal: { amount, sentAt } };
}

/** What the proposal's answer says about the campaign's promise, or null when the campaign made none. */
export function expectationText(proposal: Pick<SentProposal, "amount" | "priceAnchor" | "deviationPercent" | "isExpectationMismatch">): string | null {
  const { amount, priceAnchor, isExpectationMismatch } = proposal;
  if (priceAnchor === null) return null;
  const deviation = Math.round(Math.abs(proposal.deviationPercent ?? ((amount - priceAnchor) / priceAnchor) * 100));
  const side = amount >= priceAnchor ? "above" : "below";
  if (isExpectationMismatch) return `Expectation mismatch: ${deviation}% ${side} the campaign's price anchor of ${formatAmount(priceAnchor)}.`;
  return `In line with the campaign's price anchor of ${formatAmount(priceAnchor)} (${deviation}% ${side}).`;
}

/** The stage move that closes the deal as won (with its amount) or lost (with a reason), with the exit checklist ticked. */
export function outcomeMoveOf(kind: "won" | "lost", stage: string, form: FormData): { move: StageMove } | FieldProblem {
  const checkedItems = form.getAll("checkedItems").map(String);
  if (kind === "won") {
    const amount = parseAmount(String(form.get("amount") ?? ""));
    return amount === null ? { field: "amount", message: "Enter the amount won, e.g. 12500." } : { move: { stage, amount, checkedItems } };
  }
  const reason = String(form.get("reason") ?? "");
  if (!reason) return { field: "reason", message: "Choose why it was lost." };
  const note = String(form.get("note") ?? "").trim();
  return { move: { stage, reason, ...(note ? { note } : {}), checkedItems } };
}

/** "Won: 12,500", "Lost: Price — went with the cheaper quote"; a lead closed without an amount or reason says just how it ended. */
export function outcomeText(outcome: LeadOutcome): string {
  if (outcome.kind === "won") return outcome.amount === null ? "Won" : `Won: ${formatAmount(outcome.amount)}`;
  const kind = outcome.kind === "lost" ? "Lost" : "Disqualified";
  const reason = [outcome.label, outcome.note].filter(Boolean).join(" — ");
  return reason ? `${kind}: ${reason}` : kind;
}
