import { CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import type { ReliabilityBin } from "../../api/scoring.js";
import { reliabilityRows } from "./model-words.js";

const percentTick = (value: number) => `${Math.round(value * 100)}%`;

/** Predicted win chance against how often those leads were won, per bin; a calibrated model sits on the diagonal. The numbers are one click away. */
export function ReliabilityChart({ bins }: { bins: ReliabilityBin[] }) {
  const points = bins.filter((bin) => bin.count > 0);
  return (
    <figure className="reliability">
      <div className="reliability-chart" role="img" aria-label="Reliability chart: predicted win chance against the observed win rate per bin, with the diagonal of perfect calibration">
        <ResponsiveContainer width="100%" height={300}>
          <ComposedChart data={points} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" dataKey="meanPredicted" domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} tickFormatter={percentTick} label={{ value: "Predicted win chance", position: "insideBottom", offset: -12 }} />
            <YAxis type="number" domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} tickFormatter={percentTick} label={{ value: "Won", angle: -90, position: "insideLeft" }} />
            <ReferenceLine
              segment={[
                { x: 0, y: 0 },
                { x: 1, y: 1 },
              ]}
              stroke="#98a2b3"
              strokeDasharray="4 4"
              ifOverflow="extendDomain"
            />
            <Line type="linear" dataKey="observedRate" stroke="#1f5fbf" dot={false} isAnimationActive={false} />
            <Scatter dataKey="observedRate" fill="#1f5fbf" isAnimationActive={false} />
            <Tooltip formatter={(value) => (typeof value === "number" ? percentTick(value) : String(value))} labelFormatter={(label) => (typeof label === "number" ? `Predicted ${percentTick(label)}` : String(label))} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="muted small">Each point is a band of predictions: across, the mean predicted chance; up, how often those leads were won. The dashed diagonal is perfect calibration.</figcaption>
      <details>
        <summary>Reliability table</summary>
        <ReliabilityTable bins={bins} />
      </details>
    </figure>
  );
}

function ReliabilityTable({ bins }: { bins: ReliabilityBin[] }) {
  return (
    <table className="lead-table reliability-table">
      <thead>
        <tr>
          <th scope="col">Predicted</th>
          <th scope="col">Leads</th>
          <th scope="col">Mean predicted</th>
          <th scope="col">Won</th>
          <th scope="col">Gap</th>
        </tr>
      </thead>
      <tbody>
        {reliabilityRows(bins).map((row) => (
          <tr key={row.range}>
            <td>{row.range}</td>
            <td>{row.count}</td>
            <td>{row.predicted}</td>
            <td>{row.observed}</td>
            <td>{row.gap}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
