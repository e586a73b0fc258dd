import type { Enrolment } from "../../api/lead-sequence.js";
import { type Fact, FactList } from "../../components/fact-list.js";
import { formatDateTime } from "../../format/format-time.js";
import { CHANNEL_NAMES } from "../sequences/sequence-words.js";
import { enrolledViaText, enrolmentStateText } from "./follow-up-words.js";

type LiveEnrolmentProps = { enrolment: Enrolment; viewerTimeZone: string; leadTimeZone: string };

/**
 * The sequence the lead is in now: its state, the step that runs next and when, in the viewer's
 * time and the lead's. Past its last step it waits a few days for a reply before it ends: then
 * there is no step, and the time is when it ends.
 */
export function LiveEnrolment({ enrolment, viewerTimeZone, leadTimeZone }: LiveEnrolmentProps) {
  const step = enrolment.currentStep;
  const facts: Fact[] = [
    { label: "Sequence", value: <strong>{enrolment.sequenceName}</strong> },
    { label: "Status", value: <span className={`badge badge-enrolment-${enrolment.status}`}>{enrolmentStateText(enrolment, viewerTimeZone)}</span> },
    { label: step ? "Next send" : "Ends", value: enrolment.nextSendAt && <NextSend at={enrolment.nextSendAt} viewerTimeZone={viewerTimeZone} leadTimeZone={leadTimeZone} /> },
    {
      label: "Step",
      value: step && `${step.index + 1}${enrolment.stepCount === null ? "" : ` of ${enrolment.stepCount}`}: ${CHANNEL_NAMES[step.channel]} on day ${step.dayOffset}${step.subject ? ` · “${step.subject}”` : ""}${enrolment.cycle > 0 ? ` (round ${enrolment.cycle + 1})` : ""}`,
    },
    { label: "Enrolled", value: `${formatDateTime(enrolment.enrolledAt, viewerTimeZone)}, ${enrolledViaText(enrolment.enrolledVia)}` },
  ];
  return (
    <div className="live-enrolment">
      <FactList facts={facts} />
    </div>
  );
}

function NextSend({ at, viewerTimeZone, leadTimeZone }: { at: string; viewerTimeZone: string; leadTimeZone: string }) {
  return (
    <span className="next-send">
      <time dateTime={at}>{formatDateTime(at, viewerTimeZone)}</time> your time
      {leadTimeZone !== viewerTimeZone && (
        <>
          {" · "}
          {formatDateTime(at, leadTimeZone)} lead's time ({leadTimeZone})
        </>
      )}
    </span>
  );
}
