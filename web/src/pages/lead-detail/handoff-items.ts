import type { HandoffChecklist } from "../../api/lead-work.js";

export type HandoffItem = keyof HandoffChecklist;

/** The checklist in the order a new owner reads it, with the question each item answers. */
export const HANDOFF_ITEM_LABELS: Record<HandoffItem, string> = {
  sourceAndCampaign: "Source and campaign",
  askedFor: "What they asked for",
  qualifyingDetails: "Qualifying details",
  contentEngaged: "Content engaged",
  recommendedNextStep: "Recommended next step",
};

export const HANDOFF_ITEMS = Object.keys(HANDOFF_ITEM_LABELS) as HandoffItem[];

/** Items left blank, which make a handoff incomplete (the server decides the same way). */
export function missingItemsOf(checklist: HandoffChecklist): HandoffItem[] {
  return HANDOFF_ITEMS.filter((item) => !checklist[item]?.trim());
}

/** "Content engaged and Recommended next step". */
export function itemNames(items: readonly string[]): string {
  const names = items.map((item) => HANDOFF_ITEM_LABELS[item as HandoffItem] ?? item);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
