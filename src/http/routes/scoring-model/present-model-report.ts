import type { ModelReportView } from "../../../services/scoring/read-model-report.js";
import { isoOf } from "../../instants.js";
import type { ModelPageResponseType } from "./scoring-model.schemas.js";

/** The model page as the API shows it: instants as ISO date-times. */
export function presentModelReport(view: ModelReportView): ModelPageResponseType {
  return {
    readiness: view.readiness,
    current: view.current && { ...view.current, trainedAt: isoOf(view.current.trainedAt) },
    monthly: view.monthly,
    driftAlerts: view.driftAlerts.map((alert) => ({ ...alert, detectedAt: isoOf(alert.detectedAt) })),
  };
}
