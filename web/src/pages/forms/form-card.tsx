import { useRef, useState } from "react";
import type { CaptureForm } from "../../api/forms.js";

/** One capture form: where it files leads, and the HTML to paste into a website. */
export function FormCard({ form }: { form: CaptureForm }) {
  const snippetRef = useRef<HTMLPreElement>(null);
  const [copyStatus, setCopyStatus] = useState("");

  async function handleCopy() {
    try {
      await navigator.clipboard.writeText(form.snippetHtml);
      setCopyStatus("Copied.");
    } catch {
      // No clipboard access (plain http on a LAN address): select the text so Ctrl+C works.
      const selection = window.getSelection();
      if (snippetRef.current && selection) selection.selectAllChildren(snippetRef.current);
      setCopyStatus("Selected; press Ctrl+C to copy.");
    }
  }

  return (
    <li className="form-card">
      <h2 className="form-name">
        {form.name} {!form.isActive && <span className="badge badge-lost">Inactive</span>}
      </h2>
      <p className="muted small">
        Source {form.source ?? "—"} · Campaign {form.campaign ?? "—"} · Posts to <code>{form.endpointUrl}</code>
      </p>
      <pre ref={snippetRef}>{form.snippetHtml}</pre>
      <button type="button" className="button-quiet" onClick={handleCopy}>
        Copy snippet
      </button>{" "}
      <span className="muted small" role="status">
        {copyStatus}
      </span>
    </li>
  );
}
