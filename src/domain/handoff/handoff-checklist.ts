import type { Lead } from "../lead/lead.js";
import type { LeadEvent } from "../lead/lead-event.js";

/** The context a new owner needs, so the lead never has to repeat itself. */
export type HandoffChecklist = {
  sourceAndCampaign: string | null;
  /** What the lead asked for, in their words. */
  askedFor: string | null;
  qualifyingDetails: string | null;
  contentEngaged: string | null;
  recommendedNextStep: string | null;
};

export const HANDOFF_ITEMS: readonly (keyof HandoffChecklist)[] = ["sourceAndCampaign", "askedFor", "qualifyingDetails", "contentEngaged", "recommendedNextStep"];

/** Event types that record content a lead engaged with (added by the scoring issue's activity endpoint). */
const CONTENT_EVENT_TYPES = new Set(["content_engaged", "page_viewed"]);

/** The checklist pre-filled from what the system already knows; the person handing off edits it. */
export function prefillHandoff(lead: Lead, timeline: LeadEvent[]): HandoffChecklist {
  const sourceAndCampaign = [lead.source, lead.campaign].filter(Boolean).join(" / ") || null;
  const role = [lead.title, lead.company].filter(Boolean).join(" at ");
  const custom = Object.entries(lead.custom).map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`);
  const qualifyingDetails = [role, ...custom].filter(Boolean).join("; ") || null;
  const content = timeline.filter((e) => CONTENT_EVENT_TYPES.has(e.type)).map((e) => String(e.data.title ?? e.data.url ?? e.type));
  return { sourceAndCampaign, askedFor: lead.message, qualifyingDetails, contentEngaged: content.length > 0 ? [...new Set(content)].join("; ") : null, recommendedNextStep: null };
}

/** Items left empty; a handoff with any is incomplete (the handoff-completeness metric counts them). */
export function missingHandoffItems(checklist: HandoffChecklist): (keyof HandoffChecklist)[] {
  return HANDOFF_ITEMS.filter((item) => !checklist[item]?.trim());
}
