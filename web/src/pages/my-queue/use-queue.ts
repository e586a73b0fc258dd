import { useEffect, useState } from "react";
import { getQueue } from "../../api/lead-work.js";
import type { Lead } from "../../api/leads.js";
import { problemMessageOf } from "../../components/form-problem.js";

/** New leads arrive by routing, not by anything the rep does; this often is enough to see them within a minute. */
const REFRESH_MS = 20_000;

export type QueueState = { status: "loading" | "ready" | "failed"; items: Lead[]; error: string | null };

/** Someone's open leads by urgency (the caller's own when `userId` is undefined), refreshed while the page is open. */
export function useQueue(userId: string | undefined): QueueState {
  const [state, setState] = useState<QueueState>({ status: "loading", items: [], error: null });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: "loading", items: [], error: null });
    function load() {
      getQueue(userId, controller.signal).then(
        (items) => setState({ status: "ready", items, error: null }),
        (error: unknown) => controller.signal.aborted || setState((previous) => ({ ...previous, status: "failed", error: problemMessageOf(error) })),
      );
    }
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [userId]);
  return state;
}
