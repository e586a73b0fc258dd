import type { ModelReport } from "../../api/scoring.js";
import { aucWords, brierWords, calibrationWords } from "./model-words.js";
import { ReliabilityChart } from "./reliability-chart.js";

/** How many signals show before "more signals". */
const TOP_SIGNALS = 8;

/** A trained model's cross-validated quality, its reliability chart and its strongest signals in words. */
export function ModelReportView({ report }: { report: ModelReport }) {
  // The API lists the signals strongest first (weights are per unit of each input, so their size alone would mislead).
  const signals = report.signals;
  return (
    <>
      <dl className="model-metrics">
        <div>
          <dt>AUC</dt>
          <dd>{aucWords(report.auc)}</dd>
        </div>
        <div>
          <dt>Brier score</dt>
          <dd>{brierWords(report)}</dd>
        </div>
        <div>
          <dt>Calibration error</dt>
          <dd>{calibrationWords(report.expectedCalibrationError)}</dd>
        </div>
      </dl>
      <h3 className="panel-subtitle">Reliability</h3>
      <ReliabilityChart bins={report.reliability} />
      <h3 className="panel-subtitle">Strongest signals</h3>
      {signals.length === 0 ? <p className="muted">No signal carries weight.</p> : <SignalList signals={signals.slice(0, TOP_SIGNALS)} />}
      {signals.length > TOP_SIGNALS && (
        <details>
          <summary>{signals.length - TOP_SIGNALS} more signals</summary>
          <SignalList signals={signals.slice(TOP_SIGNALS)} />
        </details>
      )}
      {report.skipped.length > 0 && (
        <details>
          <summary>{report.skipped.length} columns left out</summary>
          <ul className="plain-list small">
            {report.skipped.map((skipped) => (
              <li key={skipped.column}>
                <code>{skipped.column}</code>: {skipped.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function SignalList({ signals }: { signals: ModelReport["signals"] }) {
  return (
    <ul className="signal-list">
      {signals.map((signal) => (
        <li key={signal.feature} className={signal.weight >= 0 ? "signal-up" : "signal-down"}>
          <span aria-hidden="true">{signal.weight >= 0 ? "▲" : "▼"}</span> {signal.words}
        </li>
      ))}
    </ul>
  );
}
