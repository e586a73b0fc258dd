import type { TimelineEvent } from "../../api/leads.js";
import type { Objection } from "../../api/objections.js";
import { versionLabel } from "./objection-words.js";

type RaisedObjectionsProps = { timeline: TimelineEvent[]; catalog: Objection[] };

/** Objections logged on this lead (from its timeline), oldest first, with the response used. */
export function RaisedObjections({ timeline, catalog }: RaisedObjectionsProps) {
  const logged = timeline.filter((event) => event.type === "objection_logged").sort((a, b) => a.id - b.id);
  if (logged.length === 0) return <p className="muted small">None logged yet.</p>;
  const versions = new Map(catalog.flatMap((objection) => objection.responses.map((response) => [response.id, response] as const)));
  return (
    <ul className="plain-list" aria-label="Objections raised">
      {logged.map((event) => {
        const response = typeof event.data.responseVersionId === "string" ? versions.get(event.data.responseVersionId) : undefined;
        return (
          <li key={event.id}>
            <strong>{String(event.data.objectionName ?? "Objection")}</strong>
            {response ? (
              <span>
                {" "}
                — answered with “{response.text}” {versionLabel(response.version)}
              </span>
            ) : (
              <span className="muted"> — no catalog response</span>
            )}
            {typeof event.data.notes === "string" && event.data.notes && <span className="muted small"> · {event.data.notes}</span>}
          </li>
        );
      })}
    </ul>
  );
}
