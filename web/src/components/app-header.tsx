import type { SessionUser } from "../api/auth.js";
import { AppLink } from "./app-link.js";

type AppHeaderProps = { user: SessionUser; onLogOut: () => void };

/** The bar on every signed-in screen: where you are, who you are, and the way out. */
export function AppHeader({ user, onLogOut }: AppHeaderProps) {
  return (
    <header className="app-header">
      <AppLink href="/leads" className="brand">
        Closeloop
      </AppLink>
      <nav aria-label="Main">
        <AppLink href="/leads">Leads</AppLink>
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
