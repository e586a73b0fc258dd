import { useState } from "react";
import type { Lead } from "../../api/leads.js";
import type { TeamMember } from "../../api/users.js";
import { HandoffDialog } from "./handoff-dialog.js";

type HandOffButtonProps = { lead: Lead; team: TeamMember[]; onHandedOff: (toUserId: string) => void };

/** "Hand off…" and the dialog it opens; the focus returns to the button when the dialog closes. */
export function HandOffButton({ lead, team, onHandedOff }: HandOffButtonProps) {
  const [isOpen, setIsOpen] = useState(false);

  function handleHandedOff(toUserId: string) {
    setIsOpen(false);
    onHandedOff(toUserId);
  }

  return (
    <>
      <button type="button" className="button-quiet" onClick={() => setIsOpen(true)}>
        Hand off…
      </button>
      {isOpen && <HandoffDialog lead={lead} team={team} onClose={() => setIsOpen(false)} onHandedOff={handleHandedOff} />}
    </>
  );
}
