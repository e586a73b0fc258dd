import { useId, useState } from "react";
import type { LeadPipelineView, SentProposal, StageMoveWarning } from "../../api/lead-pipeline.js";
import type { PipelineConfig } from "../../api/pipeline.js";
import { type Fact, FactList } from "../../components/fact-list.js";
import { formatAmount } from "../../format/format-money.js";
import { formatDate } from "../../format/format-time.js";
import { expectationText, outcomeText } from "./deal-words.js";
import { OutcomeForm } from "./outcome-form.js";
import { ProposalForm } from "./proposal-form.js";
import { closingStageKey } from "./stage-words.js";

type DealPanelProps = { leadId: string; config: PipelineConfig; view: LeadPipelineView; timeZone: string; onChanged: () => void };

type Mode = "view" | "proposal" | "won" | "lost";

/** The deal: its value, the proposal (flagged when it strays from the campaign's promise) and how it ended. */
export function DealPanel({ leadId, config, view, timeZone, onChanged }: DealPanelProps) {
  const id = useId();
  const [mode, setMode] = useState<Mode>("view");
  const [sent, setSent] = useState<SentProposal | null>(null);
  const [warnings, setWarnings] = useState<StageMoveWarning[]>([]);
  const { proposal, outcome } = view;
  const facts: Fact[] = [
    { label: "Value", value: view.value === null ? null : formatAmount(view.value) },
    { label: "Proposal", value: proposal && `${formatAmount(proposal.amount)}${proposal.sentAt === null ? "" : `, sent ${formatDate(proposal.sentAt, timeZone)}`}` },
  ];

  function handleSent(next: SentProposal) {
    setSent(next);
    setMode("view");
    onChanged();
  }

  function handleClosed(next: StageMoveWarning[]) {
    setWarnings(next);
    setMode("view");
    onChanged();
  }

  const closingStage = mode === "won" || mode === "lost" ? closingStageKey(config, mode) : undefined;
  return (
    <section className="panel deal-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Proposal and outcome</h2>
      <FactList facts={facts} />
      <ExpectationNote sent={sent} isMismatch={proposal?.isExpectationMismatch ?? false} />
      {outcome && <p className={`outcome outcome-${outcome.kind}`}>{outcomeText(outcome)}</p>}
      {warnings.map((warning) => (
        <p key={warning.code} className="handoff-missing">
          Closed with the checklist incomplete: {warning.missing.map((item) => item.label).join(", ")}.
        </p>
      ))}
      {!outcome && mode === "view" && (
        <div className="form-actions">
          <button type="button" className="button-quiet" onClick={() => setMode("proposal")}>
            {proposal ? "Revise proposal" : "Send proposal"}
          </button>
          <button type="button" onClick={() => setMode("won")}>
            Mark won
          </button>
          <button type="button" className="button-quiet" onClick={() => setMode("lost")}>
            Mark lost
          </button>
        </div>
      )}
      {mode === "proposal" && <ProposalForm leadId={leadId} timeZone={timeZone} defaultAmount={proposal?.amount ?? null} onSent={handleSent} onCancel={() => setMode("view")} />}
      {closingStage && (mode === "won" || mode === "lost") && (
        <OutcomeForm
          leadId={leadId}
          kind={mode}
          stage={closingStage}
          from={view.stage}
          lostReasons={config.lostReasons}
          defaultAmount={view.value}
          onClosed={handleClosed}
          onCancel={() => setMode("view")}
        />
      )}
    </section>
  );
}

/** The proposal against the campaign's promise: in full right after recording it, else the stored flag. */
function ExpectationNote({ sent, isMismatch }: { sent: SentProposal | null; isMismatch: boolean }) {
  const text = sent ? expectationText(sent) : isMismatch ? "Expectation mismatch: the proposal strays from the campaign's price anchor." : null;
  const isFlagged = sent ? sent.isExpectationMismatch : isMismatch;
  if (!text) return null;
  return (
    <p className={isFlagged ? "expectation-mismatch" : "muted"} role="status">
      {isFlagged && <span aria-hidden="true">⚠ </span>}
      {text}
    </p>
  );
}
