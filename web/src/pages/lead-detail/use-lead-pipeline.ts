import type { TimelineEvent } from "../../api/leads.js";
import { getLeadPipeline, type LeadPipelineView } from "../../api/lead-pipeline.js";
import { getPipeline, type PipelineConfig } from "../../api/pipeline.js";
import { useResource } from "../../hooks/use-resource.js";

export type LeadPipelineData = { config: PipelineConfig; view: LeadPipelineView };

/**
 * The revision of a lead as its sections see it: every change appends an event, so the newest
 * event id changes exactly when the sections' data may have, and they reload with the timeline.
 */
export function revisionOf(timeline: TimelineEvent[]): string {
  return String(timeline.reduce((newest, event) => Math.max(newest, event.id), 0));
}

/** The workspace pipeline and the lead's place in it, fetched again whenever the lead's revision moves. */
export function useLeadPipeline(leadId: string, revision: string): { data: LeadPipelineData | null; error: string | null } {
  const config = useResource("pipeline", getPipeline);
  const view = useResource(`${leadId}@${revision}`, (signal) => getLeadPipeline(leadId, signal));
  const data = config.data && view.data ? { config: config.data, view: view.data } : null;
  return { data, error: config.error ?? view.error };
}
