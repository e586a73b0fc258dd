import type { Suppression } from "../../../store/suppressions.js";
import { isoOf } from "../../instants.js";
import type { SuppressionDtoType } from "./suppressions.schemas.js";

/** A suppression list entry as the API shows it. */
export function presentSuppression(suppression: Suppression): SuppressionDtoType {
  return { ...suppression, createdAt: isoOf(suppression.createdAt) };
}
