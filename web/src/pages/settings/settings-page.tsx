import type { ReactNode } from "react";
import type { SessionUser } from "../../api/auth.js";
import { useLocation } from "../../app/location.js";
import { useSessionUser } from "../../app/session-context.js";
import { AppLink } from "../../components/app-link.js";
import { useDocumentTitle } from "../../hooks/use-document-title.js";
import { CampaignPromisesSettings } from "./campaign-promises/campaign-promises-settings.js";
import { MailboxSettings } from "./mailbox/mailbox-settings.js";
import { ObjectionsSettings } from "./objections/objections-settings.js";
import { PipelineSettings } from "./pipeline/pipeline-settings.js";
import { PlaybooksSettings } from "./playbooks/playbooks-settings.js";
import { RoutingRulesSettings } from "./routing/routing-rules-settings.js";
import { ScoringSettings } from "./scoring/scoring-settings.js";
import { SlaPoliciesSettings } from "./sla/sla-policies-settings.js";
import { SuppressionsSettings } from "./suppressions/suppressions-settings.js";
import { MyAvailability, UsersSettings } from "./users/users-settings.js";
import { WebhooksSettings } from "./webhooks/webhooks-settings.js";
import { WorkspaceSettingsForm } from "./workspace/workspace-settings-form.js";

type Section = { path: string; title: string; isAdminOnly: boolean; render: () => ReactNode };

/** Managers configure routing, SLAs, scoring, playbooks, people's availability and the suppression list; webhooks and workspace settings are the admin's; reps set their own time off; everyone sets up their own mailbox. */
const SECTIONS: Section[] = [
  { path: "/settings/users", title: "Users & availability", isAdminOnly: false, render: () => <UsersSettings /> },
  { path: "/settings/routing", title: "Routing rules", isAdminOnly: false, render: () => <RoutingRulesSettings /> },
  { path: "/settings/sla", title: "SLA policies", isAdminOnly: false, render: () => <SlaPoliciesSettings /> },
  { path: "/settings/pipeline", title: "Pipeline", isAdminOnly: false, render: () => <PipelineSettings /> },
  { path: "/settings/scoring", title: "Scoring rules", isAdminOnly: false, render: () => <ScoringSettings /> },
  { path: "/settings/playbooks", title: "Playbooks", isAdminOnly: false, render: () => <PlaybooksSettings /> },
  { path: "/settings/campaign-promises", title: "Campaign promises", isAdminOnly: false, render: () => <CampaignPromisesSettings /> },
  { path: "/settings/objections", title: "Objections & proof", isAdminOnly: false, render: () => <ObjectionsSettings /> },
  { path: "/settings/suppressions", title: "Suppression list", isAdminOnly: false, render: () => <SuppressionsSettings /> },
  { path: "/settings/mailbox", title: "My mailbox", isAdminOnly: false, render: () => <MailboxSettings /> },
  { path: "/settings/webhooks", title: "Webhooks", isAdminOnly: true, render: () => <WebhooksSettings /> },
  { path: "/settings/workspace", title: "Workspace", isAdminOnly: true, render: () => <WorkspaceSettingsForm /> },
];

const REP_SECTIONS: Section[] = [
  { path: "/settings/users", title: "My availability", isAdminOnly: false, render: () => <MyAvailability /> },
  { path: "/settings/mailbox", title: "My mailbox", isAdminOnly: false, render: () => <MailboxSettings /> },
];

function sectionsFor(user: SessionUser): Section[] {
  if (user.role === "rep") return REP_SECTIONS;
  return SECTIONS.filter((section) => !section.isAdminOnly || user.role === "admin");
}

/** The settings screens, one per section, with a side menu. */
export function SettingsPage() {
  const user = useSessionUser();
  const { pathname } = useLocation();
  const sections = sectionsFor(user);
  const section = sections.find((candidate) => pathname.startsWith(candidate.path)) ?? sections[0];
  useDocumentTitle(section?.title ?? "Settings");
  if (!section) return null;
  return (
    <div className={sections.length > 1 ? "page settings" : "page"}>
      {sections.length > 1 && (
        <nav className="settings-nav" aria-label="Settings">
          {sections.map((candidate) => (
            <AppLink key={candidate.path} href={candidate.path} aria-current={candidate === section ? "page" : undefined}>
              {candidate.title}
            </AppLink>
          ))}
        </nav>
      )}
      <section className="settings-body" aria-labelledby="settings-title">
        <h1 id="settings-title">{section.title}</h1>
        {section.render()}
      </section>
    </div>
  );
}
