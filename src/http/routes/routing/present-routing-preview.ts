import type { RoutingPreview } from "../../../services/routing-config/preview-routing.js";
import { isoOrNull } from "../../instants.js";
import type { RoutingPreviewDtoType } from "./routing-preview.schemas.js";

/** A routing preview with the policy summarised and the deadline as ISO time. */
export function presentRoutingPreview(preview: RoutingPreview): RoutingPreviewDtoType {
  const { slaPolicy } = preview;
  return {
    matchedRule: preview.matchedRule,
    owner: preview.owner,
    strategy: preview.strategy,
    reason: preview.reason,
    slaPolicy: slaPolicy && { id: slaPolicy.id, name: slaPolicy.name, targetMinutes: slaPolicy.targetMinutes, clock: slaPolicy.clock },
    dueAt: isoOrNull(preview.dueAt),
  };
}
