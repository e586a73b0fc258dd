import { useId } from "react";
import type { ObjectionSuggestions as Suggestions } from "../../api/objections.js";
import type { ProofAssetKind } from "../../api/proof-assets.js";
import { PROOF_KIND_LABELS, versionLabel, winRateLabel } from "./objection-words.js";

type ObjectionSuggestionsProps = { suggestions: Suggestions; chosenId: string; onChoose: (responseVersionId: string) => void };

/** What to answer, best first by win rate, and the proof to send: the lead's industry first. */
export function ObjectionSuggestions({ suggestions, chosenId, onChoose }: ObjectionSuggestionsProps) {
  const id = useId();
  return (
    <div className="suggestions">
      <h3 id={`${id}-responses`} className="panel-subtitle">
        Suggested responses
      </h3>
      {suggestions.responses.length === 0 ? (
        <p className="muted small">The catalog has no responses to this objection yet.</p>
      ) : (
        <ol className="suggestion-list" aria-labelledby={`${id}-responses`}>
          {suggestions.responses.map((response) => (
            <li key={response.id} className={response.id === chosenId ? "suggestion is-chosen" : "suggestion"}>
              <p className="suggestion-text">
                “{response.text}” {versionLabel(response.version) && <span className="muted small">{versionLabel(response.version)}</span>}
                {!response.isCurrent && <span className="muted small"> (older wording)</span>}
              </p>
              <p className="small">
                <span className="win-rate">{winRateLabel(response)}</span>
                {response.id !== chosenId && (
                  <>
                    {" · "}
                    <button type="button" className="button-link" onClick={() => onChoose(response.id)}>
                      Use this response
                    </button>
                  </>
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
      <h3 id={`${id}-proof`} className="panel-subtitle">
        Proof to share{suggestions.industry ? ` (${suggestions.industry} first)` : ""}
      </h3>
      {suggestions.proofAssets.length === 0 ? (
        <p className="muted small">No proof is tagged with this objection yet.</p>
      ) : (
        <ul className="plain-list" aria-labelledby={`${id}-proof`}>
          {suggestions.proofAssets.map((asset) => (
            <li key={asset.id}>
              <a href={asset.url} target="_blank" rel="noopener noreferrer">
                {asset.title}
              </a>{" "}
              <span className="muted small">
                {PROOF_KIND_LABELS[asset.kind as ProofAssetKind] ?? asset.kind}
                {asset.tags.industries.length > 0 ? ` · ${asset.tags.industries.join(", ")}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
