import { useState } from "react";
import { listProofAssets } from "../../api/proof-assets.js";
import { archiveSequence, listSequences, listTemplateVariables, type Sequence } from "../../api/sequences.js";
import { navigate } from "../../app/location.js";
import { AppLink } from "../../components/app-link.js";
import { FormAlert } from "../../components/form-alert.js";
import { problemMessageOf } from "../../components/form-problem.js";
import { useDocumentTitle } from "../../hooks/use-document-title.js";
import { useResource } from "../../hooks/use-resource.js";
import { inputOf, newSequenceInput } from "./sequence-draft.js";
import { SequenceForm } from "./sequence-form.js";
import "./sequences.css";

/** `/sequences/new` (sequenceId null) or `/sequences/:id`: the editor, with the catalogs it picks from. */
export function SequenceEditorPage({ sequenceId }: { sequenceId: string | null }) {
  const sequences = useResource("sequences:all", (signal) => listSequences({ isArchivedIncluded: true }, signal));
  const assets = useResource("proof-assets", listProofAssets);
  const variables = useResource("template-variables", listTemplateVariables);
  const [archiveError, setArchiveError] = useState<string | null>(null);
  const sequence = sequenceId === null ? null : (sequences.data?.find((one) => one.id === sequenceId) ?? null);
  const title = sequenceId === null ? "New sequence" : (sequence?.name ?? "Sequence");
  useDocumentTitle(title);

  function handleSaved(saved: Sequence) {
    if (sequenceId === null) navigate(`/sequences/${encodeURIComponent(saved.id)}`, { replace: true });
    else sequences.update((current) => current.map((one) => (one.id === saved.id ? saved : one)));
  }

  async function handleArchive(target: Sequence) {
    if (!window.confirm(`Archive “${target.name}”? Leads in it stop, and nobody new can be enrolled.`)) return;
    try {
      const archived = await archiveSequence(target.id);
      sequences.update((current) => current.map((one) => (one.id === archived.id ? archived : one)));
      setArchiveError(null);
    } catch (error) {
      setArchiveError(problemMessageOf(error));
    }
  }

  const isMissing = sequenceId !== null && sequences.data !== null && sequence === null;
  const isReady = sequences.data !== null && assets.data !== null && !isMissing;
  return (
    <section className="page">
      <AppLink href="/sequences" className="back-link">
        ← Sequences
      </AppLink>
      <div className="page-title">
        <h1>
          {title} {sequence?.isArchived && <span className="badge badge-lost">Archived</span>}
        </h1>
        {sequence && !sequence.isArchived && (
          <button type="button" className="button-quiet" onClick={() => handleArchive(sequence)}>
            Archive
          </button>
        )}
      </div>
      <FormAlert message={sequences.error ?? assets.error ?? archiveError} />
      {isMissing && <p className="empty">No sequence has this address.</p>}
      {isReady && (
        <SequenceForm
          key={sequence?.id ?? "new"}
          sequence={sequence}
          initial={sequence ? inputOf(sequence) : newSequenceInput()}
          sequences={sequences.data ?? []}
          assets={assets.data ?? []}
          variables={variables.data ?? []}
          onSaved={handleSaved}
        />
      )}
    </section>
  );
}
