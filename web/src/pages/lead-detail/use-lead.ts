import { useCallback, useEffect, useState } from "react";
import { ApiError } from "../../api/client.js";
import { getLead, type LeadWithTimeline } from "../../api/leads.js";

export type LeadState = { status: "loading" } | { status: "ready"; data: LeadWithTimeline } | { status: "failed"; message: string };

/** Loads one lead with its timeline; `reload` fetches it again after a change, keeping the old one on screen meanwhile. */
export function useLead(leadId: string): { state: LeadState; reload: () => void } {
  const [state, setState] = useState<LeadState>({ status: "loading" });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    getLead(leadId, controller.signal).then(
      (data) => setState({ status: "ready", data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const message = error instanceof ApiError && error.status === 404 ? "This lead does not exist, or it is not yours to see." : "Could not load this lead.";
        setState({ status: "failed", message });
      },
    );
    return () => controller.abort();
  }, [leadId, version]);
  const reload = useCallback(() => setVersion((current) => current + 1), []);
  return { state, reload };
}
