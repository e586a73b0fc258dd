import { type Static, Type } from "typebox";
import { ROUTING_STRATEGIES } from "../../../domain/routing/routing-rule.js";
import { LeadCaptureBody } from "../leads/leads.schemas.js";

export const RoutingPreviewBody = Type.Object(
  { lead: LeadCaptureBody },
  { additionalProperties: false, description: "A lead as POST /api/v1/leads takes it; nothing is captured." },
);

const named = Type.Object({ id: Type.String(), name: Type.String() });

export const RoutingPreviewResponse = Type.Object({
  matchedRule: Type.Union([named, Type.Null()], { description: "The first active rule whose conditions hold, even if nobody in its pool is available." }),
  owner: Type.Union([named, Type.Null()], { description: "null: the lead would wait in the unassigned queue." }),
  strategy: Type.Union([Type.Enum(ROUTING_STRATEGIES), Type.Null()]),
  reason: Type.String({ description: "The reason the `assigned` event would record." }),
  slaPolicy: Type.Union(
    [Type.Object({ id: Type.String(), name: Type.String(), targetMinutes: Type.Integer(), clock: Type.Union([Type.Literal("business"), Type.Literal("wall")]) }), Type.Null()],
    { description: "null only when the workspace has no default policy." },
  ),
  dueAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()], { description: "The first-response deadline the lead would get if captured now." }),
});

export type RoutingPreviewDtoType = Static<typeof RoutingPreviewResponse>;
