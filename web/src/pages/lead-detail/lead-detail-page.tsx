import { type MouseEvent, useEffect, useRef } from "react";
import type { LeadWithTimeline } from "../../api/leads.js";
import { navigate, useLocation } from "../../app/location.js";
import { useSessionUser } from "../../app/session-context.js";
import { AppLink } from "../../components/app-link.js";
import { FormAlert } from "../../components/form-alert.js";
import { SlaStatus } from "../../components/sla-status.js";
import { StageBadge } from "../../components/stage-badge.js";
import { formatDateTime } from "../../format/format-time.js";
import { useDocumentTitle } from "../../hooks/use-document-title.js";
import { useShortcuts } from "../../hooks/use-shortcuts.js";
import { ownerName, useTeam } from "../../hooks/use-team.js";
import { DealPanel } from "./deal-panel.js";
import { FollowUpPanel } from "./follow-up-panel.js";
import { HandOffButton } from "./hand-off-button.js";
import { HandoffContext } from "./handoff-context.js";
import { LeadAttribution, LeadCustomFields, LeadIdentity } from "./lead-profile.js";
import { LeadTimeline } from "./lead-timeline.js";
import { LogTouchForm } from "./log-touch-form.js";
import { MeetingsPanel } from "./meetings-panel.js";
import { NextStepPanel } from "./next-step-panel.js";
import { ObjectionsPanel } from "./objections-panel.js";
import { QualificationPanel } from "./qualification-panel.js";
import { ScorePanel } from "./score-panel.js";
import { StagePanel } from "./stage-panel.js";
import { useLead } from "./use-lead.js";
import { revisionOf, useLeadPipeline } from "./use-lead-pipeline.js";

/** One lead: who, from where, what they asked, and everything that happened since. */
export function LeadDetailPage({ leadId }: { leadId: string }) {
  const { state, reload } = useLead(leadId);
  const location = useLocation();
  useDocumentTitle(state.status === "ready" ? state.data.lead.displayName : "Lead");

  function returnToList() {
    // Back to the very list we came from (filters, focus); a deep link goes to the plain list.
    if (location.state?.isFromList) window.history.back();
    else navigate("/leads");
  }

  useShortcuts({ Escape: returnToList, Backspace: returnToList });

  function handleBackClick(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    returnToList();
  }

  return (
    <section className="page">
      <AppLink href="/leads" className="back-link" onClick={handleBackClick}>
        ← {location.state?.isFromList ? "Back" : "Leads"} <kbd>Esc</kbd>
      </AppLink>
      {state.status === "loading" && <p className="muted">Loading…</p>}
      {state.status === "failed" && <FormAlert message={state.message} />}
      {state.status === "ready" && <LeadView data={state.data} onChanged={reload} />}
    </section>
  );
}

function LeadView({ data: { lead, timeline }, onChanged }: { data: LeadWithTimeline; onChanged: () => void }) {
  const user = useSessionUser();
  const team = useTeam();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const revision = revisionOf(timeline);
  const pipeline = useLeadPipeline(lead.id, revision);
  const isOpen = pipeline.data?.view.outcome === null;
  const work = { leadId: lead.id, team, timeZone: user.timezone, onChanged };
  // Screen readers announce the lead's name once it is on screen, as on a full page load.
  useEffect(() => headingRef.current?.focus(), []);

  function handleHandedOff(toUserId: string) {
    // A rep who hands a lead on usually can no longer see it; their queue is where they work next.
    if (user.role === "rep" && toUserId !== user.id) navigate("/queue");
    else onChanged();
  }

  return (
    <article className="lead">
      <header className="lead-header">
        <h1 tabIndex={-1} ref={headingRef}>
          {lead.displayName}
        </h1>
        <StageBadge stage={lead.stage} />
        {lead.isOptedOut && <span className="badge badge-opted-out">Opted out</span>}
        <HandOffButton lead={lead} team={team} onHandedOff={handleHandedOff} />
        <p className="muted">
          Owner: <strong>{ownerName(team, lead.ownerId)}</strong> · First response: <SlaStatus sla={lead.sla} timeZone={user.timezone} /> · Captured{" "}
          {formatDateTime(lead.createdAt, user.timezone)}
        </p>
      </header>
      <HandoffContext timeline={timeline} ownerId={lead.ownerId} viewerId={user.id} team={team} timeZone={user.timezone} />
      <FormAlert message={pipeline.error} />
      {pipeline.data && (
        <div className="lead-pipeline">
          <StagePanel config={pipeline.data.config} view={pipeline.data.view} />
          <NextStepPanel {...work} nextStep={pipeline.data.view.nextStep} overdueAfterMinutes={pipeline.data.config.nextStepOverdueAfterMinutes} isOpen={isOpen} isNew={pipeline.data.view.stage.milestone === "new"} />
        </div>
      )}
      <div className="lead-columns">
        <div>
          <ScorePanel leadId={lead.id} revision={revision} timeZone={user.timezone} />
          <h2>Contact</h2>
          <LeadIdentity lead={lead} />
          <h2>Source</h2>
          <LeadAttribution lead={lead} />
          <h2>Custom fields</h2>
          <LeadCustomFields custom={lead.custom} />
          {pipeline.data && <QualificationPanel {...work} revision={revision} config={pipeline.data.config} isOpen={isOpen} />}
          {pipeline.data && <DealPanel {...work} config={pipeline.data.config} view={pipeline.data.view} />}
        </div>
        <div>
          <h2>Message</h2>
          {lead.message ? <blockquote className="message">{lead.message}</blockquote> : <p className="muted">No message.</p>}
          <LogTouchForm leadId={lead.id} onLogged={onChanged} />
          <FollowUpPanel lead={lead} revision={revision} team={team} timeZone={user.timezone} onChanged={onChanged} />
          <MeetingsPanel {...work} revision={revision} />
          <ObjectionsPanel {...work} timeline={timeline} />
          <h2>Timeline</h2>
          <LeadTimeline events={timeline} team={team} timeZone={user.timezone} pipeline={pipeline.data?.config ?? null} />
        </div>
      </div>
    </article>
  );
}
