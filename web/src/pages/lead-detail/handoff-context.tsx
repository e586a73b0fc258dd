import type { TimelineEvent } from "../../api/leads.js";
import type { TeamMember } from "../../api/users.js";
import { type Fact, FactList } from "../../components/fact-list.js";
import { formatDateTime } from "../../format/format-time.js";
import { ownerName } from "../../hooks/use-team.js";
import { HANDOFF_ITEM_LABELS, HANDOFF_ITEMS, itemNames } from "./handoff-items.js";

type HandoffContextProps = { timeline: TimelineEvent[]; ownerId: string | null; viewerId: string; team: TeamMember[]; timeZone: string };

/** The latest handoff's context, on top of the page for as long as its recipient owns the lead. */
export function HandoffContext({ timeline, ownerId, viewerId, team, timeZone }: HandoffContextProps) {
  const handoff = timeline.filter((event) => event.type === "handed_off").sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.id - a.id)[0];
  if (!handoff || ownerId === null || handoff.data.toUserId !== ownerId) return null;
  const { fromUserId, reason, checklist, missingItems } = handoff.data as { fromUserId: string | null; reason?: string; checklist?: Record<string, string | null>; missingItems?: string[] };
  const from = fromUserId === null ? "the unassigned queue" : ownerName(team, fromUserId);
  const facts: Fact[] = HANDOFF_ITEMS.map((item) => ({ label: HANDOFF_ITEM_LABELS[item], value: checklist?.[item] ?? null }));
  return (
    <section className="panel handoff-context" aria-labelledby="handoff-context-title">
      <h2 id="handoff-context-title">{ownerId === viewerId ? "Handed to you" : `Handed to ${ownerName(team, ownerId)}`}</h2>
      <p>
        From <strong>{from}</strong>, {formatDateTime(handoff.at, timeZone)}
        {reason ? `: ${reason}` : ""}
      </p>
      <FactList facts={facts} />
      {missingItems && missingItems.length > 0 && <p className="handoff-missing">Incomplete handoff: nobody filled in {itemNames(missingItems).toLowerCase()}.</p>}
    </section>
  );
}
