import { MAX_LABEL_LENGTH, MAX_MATCH_LENGTH } from "../../../../../src/domain/scoring/check-scoring-config.js";
import { INTENT_SIGNAL_KINDS, type IntentSignalKind } from "../../../api/scoring.js";
import { SIGNAL_LABELS } from "../../../format/format-score.js";
import type { ConfigProblem } from "../pipeline/config-field.js";
import { RuleField } from "./rule-field.js";
import { RuleList } from "./rule-list.js";
import { blankIntentRule, type IntentRuleDraft } from "./scoring-draft.js";

type IntentRulesEditorProps = {
  rules: IntentRuleDraft[];
  problem: ConfigProblem | null;
  onChange: (next: IntentRuleDraft[]) => void;
  /** Adding or removing a rule renumbers the rest, so a refusal's path no longer points where it did. */
  onRenumber: (next: IntentRuleDraft[]) => void;
};

/** Points for what the lead did, fading by half-life; a high-intent signal inside the window makes the intent level high. */
export function IntentRulesEditor({ rules, problem, onChange, onRenumber }: IntentRulesEditorProps) {
  return (
    <RuleList
      ruleName="Intent rule"
      legend="Intent rules: points for what the lead did"
      description="Match narrows the signal to those whose form, source, campaign, page address or title contains the text (blank: every one). Points halve every half-life; only the most recent occurrences up to the count add up."
      path="intentRules"
      fieldsClassName="intent-rule-fields"
      rules={rules}
      problem={problem}
      blank={blankIntentRule}
      onChange={onChange}
      onRenumber={onRenumber}
      renderFields={({ rule, invalid, change }) => (
        <>
          <RuleField caption="Label" className="rule-label" value={rule.label} maxLength={MAX_LABEL_LENGTH} placeholder="Visited the pricing page" isInvalid={invalid("label")} onChange={(event) => change({ label: event.target.value })} />
          <RuleField caption="Signal" className="rule-signal" isInvalid={invalid("signal")}>
            <select value={rule.signal} onChange={(event) => change({ signal: event.target.value as IntentSignalKind })}>
              {INTENT_SIGNAL_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {SIGNAL_LABELS[kind]}
                </option>
              ))}
            </select>
          </RuleField>
          <RuleField caption="Match" className="rule-match" value={rule.match} placeholder="any" maxLength={MAX_MATCH_LENGTH} isInvalid={invalid("match")} onChange={(event) => change({ match: event.target.value })} />
          <RuleField caption="Points" className="rule-points" type="number" step="1" value={rule.points} isInvalid={invalid("points")} onChange={(event) => change({ points: event.target.value })} />
          <RuleField caption="Half-life (days)" className="rule-half-life" type="number" min="0" step="any" value={rule.halfLifeDays} isInvalid={invalid("halfLifeDays")} onChange={(event) => change({ halfLifeDays: event.target.value })} />
          <RuleField caption="Counted up to" className="rule-count" type="number" min="1" step="1" value={rule.maxCount} isInvalid={invalid("maxCount")} onChange={(event) => change({ maxCount: event.target.value })} />
          <label className="checkbox rule-check">
            <input type="checkbox" checked={rule.isHighIntent} onChange={(event) => change({ isHighIntent: event.target.checked })} /> High intent
          </label>
        </>
      )}
    />
  );
}
