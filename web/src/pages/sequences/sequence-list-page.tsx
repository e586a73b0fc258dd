import { listSequences, type Sequence } from "../../api/sequences.js";
import { AppLink } from "../../components/app-link.js";
import { FormAlert } from "../../components/form-alert.js";
import { useDocumentTitle } from "../../hooks/use-document-title.js";
import { useResource } from "../../hooks/use-resource.js";
import { CHANNEL_NAMES, dayText, PURPOSE_LABELS } from "./sequence-words.js";
import "./sequences.css";

/** Every follow-up and nurture sequence, with its steps at a glance. */
export function SequenceListPage() {
  useDocumentTitle("Sequences");
  const sequences = useResource("sequences:all", (signal) => listSequences({ isArchivedIncluded: true }, signal));
  const nameOf = (id: string | null) => sequences.data?.find((one) => one.id === id)?.name ?? null;
  return (
    <section className="page">
      <div className="page-title">
        <h1>Sequences</h1>
        <AppLink href="/sequences/new">
          New sequence
        </AppLink>
      </div>
      <p className="muted">Follow-up that needs no reminders: each step goes out (or lands in the owner's queue) on its day, until the lead replies, books a meeting, is won or lost, or opts out.</p>
      <FormAlert message={sequences.error} />
      {sequences.data?.length === 0 && <p className="empty">No sequences yet.</p>}
      {sequences.data && sequences.data.length > 0 && (
        <table className="lead-table">
          <thead>
            <tr>
              <th scope="col">Sequence</th>
              <th scope="col">Purpose</th>
              <th scope="col">Steps</th>
              <th scope="col">Afterwards</th>
            </tr>
          </thead>
          <tbody>
            {sequences.data.map((sequence) => (
              <tr key={sequence.id}>
                <td>
                  <AppLink href={`/sequences/${encodeURIComponent(sequence.id)}`}>{sequence.name}</AppLink> {sequence.isArchived && <span className="badge badge-lost">Archived</span>}
                </td>
                <td>{PURPOSE_LABELS[sequence.purpose]}</td>
                <td>{stepsText(sequence)}</td>
                <td>{afterwardsText(sequence, nameOf(sequence.nurtureSequenceId))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** "Email day 0 · Call day 2 · Email day 5". */
function stepsText(sequence: Sequence): string {
  return sequence.steps.map((step) => `${CHANNEL_NAMES[step.channel]} ${dayText(step.dayOffset).toLowerCase()}`).join(" · ");
}

function afterwardsText(sequence: Sequence, nurtureName: string | null): string {
  if (sequence.purpose === "nurture") return sequence.repeatEveryDays ? `Starts over ${sequence.repeatEveryDays} days after the last step` : "Ends";
  return nurtureName ? `Moves to ${nurtureName}` : "Ends";
}
