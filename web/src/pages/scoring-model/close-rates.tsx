import { BUCKETS, type MonthlyCloseRates } from "../../api/scoring.js";
import { BUCKET_LABELS, formatCloseRate, formatMonth } from "../../format/format-score.js";
import { criteriaOf, newestMonthsFirst } from "./model-words.js";

/** How many months of criteria the second table shows, newest first. */
const CRITERIA_MONTHS = 3;

type CloseRatesProps = { monthly: MonthlyCloseRates[]; criterionLabel: (key: string) => string };

/** Monthly close rate by bucket at close, and by qualification criterion met or not: where drift shows first. */
export function CloseRates({ monthly, criterionLabel }: CloseRatesProps) {
  if (monthly.length === 0) return <p className="muted">No lead has closed yet.</p>;
  const months = newestMonthsFirst(monthly);
  const criteria = criteriaOf(monthly);
  const recent = months.slice(0, CRITERIA_MONTHS);
  return (
    <>
      <table className="lead-table close-rates">
        <caption className="visually-hidden">Close rate by bucket at close, per month</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            {BUCKETS.map((bucket) => (
              <th scope="col" key={bucket}>
                {BUCKET_LABELS[bucket]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map((month) => (
            <tr key={month.month}>
              <th scope="row">{formatMonth(month.month)}</th>
              {BUCKETS.map((bucket) => (
                <td key={bucket}>{formatCloseRate(month.buckets[bucket])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {criteria.length > 0 && (
        <table className="lead-table close-rates">
          <caption className="panel-subtitle">By qualification criterion: won when met, and when not</caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              {recent.map((month) => (
                <th scope="col" key={month.month}>
                  {formatMonth(month.month)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {criteria.map((key) => (
              <tr key={key}>
                <th scope="row">{criterionLabel(key)}</th>
                {recent.map((month) => {
                  const counts = month.criteria[key];
                  return (
                    <td key={month.month}>
                      {counts ? (
                        <>
                          <div>Met: {formatCloseRate({ closed: counts.metClosed, won: counts.metWon })}</div>
                          <div className="muted">Not met: {formatCloseRate({ closed: counts.unmetClosed, won: counts.unmetWon })}</div>
                        </>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
