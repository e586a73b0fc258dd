import type { SessionUser } from "../api/auth.js";
import { useLocation } from "../app/location.js";
import { AppLink } from "./app-link.js";

type AppHeaderProps = { user: SessionUser; onLogOut: () => void };

/** The bar on every signed-in screen: where you are, who you are, and the way out. */
export function AppHeader({ user, onLogOut }: AppHeaderProps) {
  const { pathname } = useLocation();
  // "/" shows the role's home screen, so its link is the current one there.
  const path = pathname === "/" ? (user.role === "rep" ? "/queue" : "/leads") : pathname;
  const current = (prefix: string) => (path.startsWith(prefix) ? "page" : undefined);
  return (
    <header className="app-header">
      <AppLink href="/" className="brand">
        Closeloop
      </AppLink>
      <nav aria-label="Main">
        <AppLink href="/queue" aria-current={current("/queue")}>
          My queue
        </AppLink>
        <AppLink href="/attention" aria-current={current("/attention")}>
          Needs attention
        </AppLink>
        <AppLink href="/leads" aria-current={current("/leads")}>
          Leads
        </AppLink>
        <AppLink href="/pipeline" aria-current={current("/pipeline")}>
          Pipeline
        </AppLink>
        {/* Forms and sequences are managed by admins and managers; a rep's request would only earn a 403. */}
        {user.role !== "rep" && (
          <AppLink href="/forms" aria-current={current("/forms")}>
            Forms
          </AppLink>
        )}
        {user.role !== "rep" && (
          <AppLink href="/sequences" aria-current={current("/sequences")}>
            Sequences
          </AppLink>
        )}
        {user.role !== "rep" && (
          <AppLink href="/scoring/model" aria-current={current("/scoring")}>
            Scoring
          </AppLink>
        )}
        <AppLink href="/settings" aria-current={current("/settings")}>
          {user.role === "rep" ? "My settings" : "Settings"}
        </AppLink>
      </nav>
      <div className="account">
        <span>
          {user.name} <span className="muted">({user.role})</span>
        </span>
        <button type="button" className="button-quiet" onClick={onLogOut}>
          Log out
        </button>
      </div>
    </header>
  );
}
