import { lazy, Suspense } from "react";
import { AppLink } from "../components/app-link.js";
import { AttentionPage } from "../pages/attention/attention-page.js";
import { FormsPage } from "../pages/forms/forms-page.js";
import { LeadDetailPage } from "../pages/lead-detail/lead-detail-page.js";
import { LeadListPage } from "../pages/lead-list/lead-list-page.js";
import { MyQueuePage } from "../pages/my-queue/my-queue-page.js";
import { PipelineBoardPage } from "../pages/pipeline-board/pipeline-board-page.js";
import { SequenceEditorPage } from "../pages/sequences/sequence-editor-page.js";
import { SequenceListPage } from "../pages/sequences/sequence-list-page.js";
import { SettingsPage } from "../pages/settings/settings-page.js";
import { useLocation } from "./location.js";
import { useSessionUser } from "./session-context.js";

/** Loaded on first visit: its charts (recharts) would otherwise weigh on every page's first load. */
const ScoringModelPage = lazy(() => import("../pages/scoring-model/scoring-model-page.js").then((module) => ({ default: module.ScoringModelPage })));

const LEAD_PATH = /^\/leads\/([^/]+)\/?$/;
const SEQUENCE_PATH = /^\/sequences\/([^/]+)\/?$/;

/** Picks the signed-in screen for the current path; reps land on their queue, everyone else on the lead list. */
export function AppRoutes() {
  const location = useLocation();
  const user = useSessionUser();
  const leadId = LEAD_PATH.exec(location.pathname)?.[1];
  if (leadId !== undefined) return <LeadDetailPage key={leadId} leadId={decodeURIComponent(leadId)} />;
  if (location.pathname === "/queue") return <MyQueuePage />;
  if (location.pathname === "/attention") return <AttentionPage />;
  if (location.pathname === "/pipeline") return <PipelineBoardPage />;
  if (location.pathname === "/forms") return <FormsPage />;
  if (location.pathname === "/scoring/model")
    return (
      <Suspense fallback={<p className="page muted">Loading…</p>}>
        <ScoringModelPage />
      </Suspense>
    );
  if (["/sequences", "/sequences/"].includes(location.pathname)) return <SequenceListPage />;
  const sequenceId = SEQUENCE_PATH.exec(location.pathname)?.[1];
  if (sequenceId !== undefined) return sequenceId === "new" ? <SequenceEditorPage key="new" sequenceId={null} /> : <SequenceEditorPage key={sequenceId} sequenceId={decodeURIComponent(sequenceId)} />;
  if (location.pathname === "/settings" || location.pathname.startsWith("/settings/")) return <SettingsPage />;
  if (["/", "/login", "/setup"].includes(location.pathname)) return user.role === "rep" ? <MyQueuePage /> : <LeadListPage />;
  if (["/leads", "/leads/"].includes(location.pathname)) return <LeadListPage />;
  return (
    <section className="page">
      <h1>Page not found</h1>
      <p>
        Nothing lives at <code>{location.pathname}</code>. <AppLink href="/leads">Go to the leads</AppLink>.
      </p>
    </section>
  );
}
