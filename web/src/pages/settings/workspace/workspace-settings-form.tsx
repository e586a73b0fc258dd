import { type FormEvent, useState } from "react";
import { changeSettings, getSettings, type WorkspaceSettings } from "../../../api/settings.js";
import { FieldError } from "../../../components/field-error.js";
import { FormAlert } from "../../../components/form-alert.js";
import { formProblemOf, NO_PROBLEM } from "../../../components/form-problem.js";
import { TextField } from "../../../components/text-field.js";
import { useResource } from "../../../hooks/use-resource.js";
import { useTeam } from "../../../hooks/use-team.js";
import { HolidaysEditor } from "../shared/holidays-editor.js";
import { type Pool, PoolPicker } from "../shared/pool-picker.js";
import { TimeZoneField } from "../shared/time-zone-field.js";
import { WeeklyHoursEditor } from "../shared/weekly-hours-editor.js";

/** Loads the workspace settings, then shows their form. */
export function WorkspaceSettingsForm() {
  const settings = useResource("settings", getSettings);
  return (
    <>
      <FormAlert message={settings.error} />
      {settings.data && <SettingsForm settings={settings.data} onSaved={(next) => settings.update(() => next)} />}
    </>
  );
}

const FIELDS = ["timezone", "weeklyHours", "holidays", "fallbackPool", "userIds", "slackWebhookUrl"] as const;

function SettingsForm({ settings, onSaved }: { settings: WorkspaceSettings; onSaved: (next: WorkspaceSettings) => void }) {
  const team = useTeam();
  const [calendar, setCalendar] = useState(settings.businessCalendar);
  const [hasFallback, setHasFallback] = useState(settings.fallbackPool !== null);
  const [fallback, setFallback] = useState<Pool>(settings.fallbackPool ?? { userIds: [], strategy: "round_robin" });
  const [slackUrl, setSlackUrl] = useState(settings.slackWebhookUrl ?? "");
  const [repsSeeAllLeads, setRepsSeeAllLeads] = useState(settings.repsSeeAllLeads);
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [status, setStatus] = useState("");

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus("");
    try {
      const saved = await changeSettings({ businessCalendar: calendar, fallbackPool: hasFallback ? fallback : null, slackWebhookUrl: slackUrl.trim() || null, repsSeeAllLeads });
      setProblem(NO_PROBLEM);
      setStatus("Saved.");
      onSaved(saved);
    } catch (error) {
      setProblem(formProblemOf(error, FIELDS));
    }
  }

  const calendarError = problem.fieldErrors.weeklyHours ?? problem.fieldErrors.holidays;
  return (
    <form onSubmit={handleSubmit} aria-label="Workspace settings">
      <FormAlert message={problem.message ?? calendarError ?? null} />
      <section className="panel" aria-labelledby="business-hours-title">
        <h2 id="business-hours-title">Business hours</h2>
        <p className="muted small">Business-time SLAs count only these hours; holidays are skipped.</p>
        <TimeZoneField label="Time zone" value={calendar.timezone} onChange={(timezone) => setCalendar({ ...calendar, timezone })} error={problem.fieldErrors.timezone} />
        <WeeklyHoursEditor legend="Open hours" value={calendar.weeklyHours} onChange={(weeklyHours) => setCalendar({ ...calendar, weeklyHours })} />
        <HolidaysEditor value={calendar.holidays} onChange={(holidays) => setCalendar({ ...calendar, holidays })} />
      </section>
      <section className="panel" aria-labelledby="fallback-title">
        <h2 id="fallback-title">Fallback pool</h2>
        <p className="muted small">Takes leads no rule matches, or whose rule's pool has nobody available. Without one they wait unassigned and managers are told.</p>
        <label className="checkbox">
          <input type="checkbox" checked={hasFallback} onChange={(event) => setHasFallback(event.target.checked)} /> Use a fallback pool
        </label>
        {hasFallback && <PoolPicker legend="Fallback pool" team={team} value={fallback} onChange={setFallback} />}
        <FieldError message={problem.fieldErrors.fallbackPool} />
      </section>
      <section className="panel" aria-labelledby="notifications-title">
        <h2 id="notifications-title">Team</h2>
        <TextField label="Slack incoming webhook URL" name="slackWebhookUrl" type="url" placeholder="https://hooks.slack.com/services/…" value={slackUrl} onChange={(event) => setSlackUrl(event.target.value)} error={problem.fieldErrors.slackWebhookUrl} />
        <label className="checkbox">
          <input type="checkbox" checked={repsSeeAllLeads} onChange={(event) => setRepsSeeAllLeads(event.target.checked)} /> Reps see every lead, not just their own
        </label>
      </section>
      <div className="form-actions">
        <button type="submit">Save settings</button>
        <span className="muted small" role="status">
          {status}
        </span>
      </div>
    </form>
  );
}
