import { problemOf } from "../../problem.js";
import type { CaptureResult } from "../../../services/capture-leads.js";

/** Per-item results of a batch capture, with totals. Error fields are prefixed `items.N.`. */
export function presentBatchResult(results: CaptureResult[]) {
  let created = 0;
  let merged = 0;
  const items = results.map((result, index) => {
    if (result.ok) {
      if (result.outcome === "created") created++;
      else merged++;
      return { index, status: result.outcome === "created" ? 201 : 200, id: result.leadId, outcome: result.outcome };
    }
    const { status, code, detail } = problemOf(result.error, "");
    const field = result.error.field;
    return { index, status, error: { code, detail: `items.${index}.${detail}`, ...(field ? { field: `items.${index}.${field}` } : {}) } };
  });
  return { created, merged, rejected: results.length - created - merged, results: items };
}
