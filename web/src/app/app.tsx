import { useEffect, useState } from "react";
import { fetchSession, logOut, type Session } from "../api/auth.js";
import { onSessionEnded } from "../api/client.js";
import { AppHeader } from "../components/app-header.js";
import { FormAlert } from "../components/form-alert.js";
import { LoginPage } from "../pages/login/login-page.js";
import { SetupPage } from "../pages/setup/setup-page.js";
import { AppRoutes } from "./app-routes.js";
import { navigate, useLocation } from "./location.js";
import { SessionUserContext } from "./session-context.js";

/** undefined while the session is being checked. */
type SessionState = Session | null | undefined;

/** The whole app: the session gate, then the header and the routed screen. */
export function App() {
  const location = useLocation();
  const [session, setSession] = useState<SessionState>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    fetchSession().then(setSession, () => setLoadError("Could not reach Closeloop. Is the server running? Reload to try again."));
    return onSessionEnded(() => setSession(null));
  }, []);

  function handleSignedIn(next: Session) {
    setSession(next);
    // Login happens in place, so a shared /leads?… link still opens what it pointed at; only these paths move on.
    if (location.pathname === "/login" || location.pathname === "/setup") navigate("/", { replace: true });
  }

  async function handleLogOut() {
    await logOut().catch(() => undefined);
    setSession(null);
    navigate("/login");
  }

  if (location.pathname === "/setup" && !session) return <SetupPage token={location.query.get("token") ?? ""} onSetUp={handleSignedIn} />;
  if (loadError) return <FormAlert message={loadError} />;
  if (session === undefined) return <p className="page muted">Loading…</p>;
  if (session === null) return <LoginPage onLoggedIn={handleSignedIn} />;
  return (
    <SessionUserContext.Provider value={session.user}>
      <AppHeader user={session.user} onLogOut={handleLogOut} />
      <main id="main">
        <AppRoutes />
      </main>
    </SessionUserContext.Provider>
  );
}
