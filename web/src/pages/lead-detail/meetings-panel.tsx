import { useId, useState } from "react";
import { listMeetings } from "../../api/meetings.js";
import { FormAlert } from "../../components/form-alert.js";
import { useResource } from "../../hooks/use-resource.js";
import { BookMeetingForm } from "./book-meeting-form.js";
import { MeetingItem } from "./meeting-item.js";
import { meetingAwaitingReadiness } from "./meeting-words.js";
import { ReadinessForm } from "./readiness-form.js";

type MeetingsPanelProps = { leadId: string; revision: string; timeZone: string; onChanged: () => void };

/** The lead's meetings: book one, record how it went, and after the first held meeting, the readiness check. */
export function MeetingsPanel({ leadId, revision, timeZone, onChanged }: MeetingsPanelProps) {
  const id = useId();
  const meetings = useResource(`${leadId}@${revision}`, (signal) => listMeetings(leadId, signal));
  const [isBooking, setIsBooking] = useState(false);
  const awaiting = meetings.data ? meetingAwaitingReadiness(meetings.data) : undefined;

  function handleBooked() {
    setIsBooking(false);
    onChanged();
  }

  return (
    <section className="panel meetings-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Meetings</h2>
      <FormAlert message={meetings.error} />
      {meetings.data?.length === 0 && <p className="muted">No meetings yet.</p>}
      {meetings.data && meetings.data.length > 0 && (
        <ul className="meeting-list" aria-label="Meetings, oldest first">
          {meetings.data.map((meeting) => (
            <MeetingItem key={meeting.id} meeting={meeting} timeZone={timeZone} onChanged={onChanged} />
          ))}
        </ul>
      )}
      {awaiting && <ReadinessForm key={awaiting.id} meeting={awaiting} onChecked={onChanged} />}
      {isBooking ? (
        <BookMeetingForm leadId={leadId} timeZone={timeZone} onBooked={handleBooked} onCancel={() => setIsBooking(false)} />
      ) : (
        <button type="button" className="button-quiet" onClick={() => setIsBooking(true)}>
          Book a meeting
        </button>
      )}
    </section>
  );
}
