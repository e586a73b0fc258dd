import { type FormEvent, useState } from "react";
import { previewRouting, type RoutingPreview } from "../../../api/routing.js";
import { useSessionUser } from "../../../app/session-context.js";
import { FormAlert } from "../../../components/form-alert.js";
import { type Fact, FactList } from "../../../components/fact-list.js";
import { formProblemOf, NO_PROBLEM } from "../../../components/form-problem.js";
import { TextField } from "../../../components/text-field.js";
import { formatDateTime } from "../../../format/format-time.js";
import { STRATEGY_LABELS } from "../shared/pool-picker.js";

const FIELDS = ["email", "phone", "source", "campaign", "country", "company", "title"] as const;
const LABELS: Record<(typeof FIELDS)[number], string> = { email: "Email", phone: "Phone", source: "Source", campaign: "Campaign", country: "Country", company: "Company", title: "Title" };

/** Runs the rules on a made-up lead and shows what would happen: rule, owner, reason and SLA deadline. Nothing is saved. */
export function TestLeadForm() {
  const user = useSessionUser();
  const [preview, setPreview] = useState<RoutingPreview | null>(null);
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [isRunning, setIsRunning] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const lead = Object.fromEntries(FIELDS.map((field) => [field, String(form.get(field) ?? "").trim()]).filter(([, value]) => value !== ""));
    setIsRunning(true);
    try {
      setPreview(await previewRouting(lead));
      setProblem(NO_PROBLEM);
    } catch (error) {
      setPreview(null);
      setProblem(formProblemOf(error, FIELDS));
    } finally {
      setIsRunning(false);
    }
  }

  return (
    <form className="panel test-lead" onSubmit={handleSubmit} aria-labelledby="test-lead-title">
      <h2 id="test-lead-title">Test this lead</h2>
      <p className="muted small">Which rule and owner a lead like this would get right now, and why. It needs an email or a phone, like a real capture; nothing is saved.</p>
      <FormAlert message={problem.message} />
      <div className="field-grid">
        {FIELDS.map((field) => (
          <TextField key={field} label={LABELS[field]} name={field} error={problem.fieldErrors[field]} />
        ))}
      </div>
      <button type="submit" disabled={isRunning}>
        {isRunning ? "Testing…" : "Test"}
      </button>
      <div aria-live="polite">{preview && <PreviewResult preview={preview} timeZone={user.timezone} />}</div>
    </form>
  );
}

function PreviewResult({ preview, timeZone }: { preview: RoutingPreview; timeZone: string }) {
  const sla = preview.slaPolicy;
  const facts: Fact[] = [
    { label: "Rule", value: preview.matchedRule?.name ?? "No rule matched" },
    { label: "Owner", value: preview.owner ? <strong>{preview.owner.name}</strong> : "Nobody: unassigned, managers are told" },
    { label: "Strategy", value: preview.strategy ? STRATEGY_LABELS[preview.strategy] : null },
    { label: "Why", value: preview.reason },
    { label: "SLA", value: sla ? `${sla.name}: ${sla.targetMinutes} min, ${sla.clock === "business" ? "business hours" : "wall clock"}` : "None" },
    { label: "Respond by", value: preview.dueAt ? formatDateTime(preview.dueAt, timeZone) : null },
  ];
  return (
    <div className="preview-result">
      <h3>Result</h3>
      <FactList facts={facts} />
    </div>
  );
}
