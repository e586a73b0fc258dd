import { type Static, Type } from "typebox";
import { CAMPAIGN_PROMISE_NOTES_MAX_LENGTH, MAX_TIMELINE_DAYS } from "../../../domain/pipeline/campaign-promise.js";
import { LEAD_FIELD_MAX_LENGTH } from "../../../domain/lead/lead-limits.js";
import { IsoInstant } from "../../instants.js";

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T, description: string) => Type.Union([schema, Type.Null()], { description });

export const CampaignParams = Type.Object(
  { campaign: Type.String({ minLength: 1, maxLength: LEAD_FIELD_MAX_LENGTH.campaign, description: "The leads' campaign value, exactly as captured." }) },
  { additionalProperties: false },
);

export const CampaignPromiseDto = Type.Object({
  campaign: Type.String(),
  priceAnchor: nullable(Type.Number(), "The price the campaign anchored, major currency units."),
  timelineDays: nullable(Type.Integer(), "The timeline it promised, days."),
  notes: nullable(Type.String(), "Anything else it promised."),
  updatedAt: IsoInstant("When it was last recorded."),
});

export const CampaignPromiseListResponse = Type.Object({ items: Type.Array(CampaignPromiseDto) });

export const CampaignPromiseBody = Type.Object(
  {
    priceAnchor: Type.Optional(nullable(Type.Number(), "Above 0, at most 2 decimals; null or left out: no price promised.")),
    timelineDays: Type.Optional(nullable(Type.Integer({ minimum: 1, maximum: MAX_TIMELINE_DAYS }), "Whole days; null or left out: no timeline promised.")),
    notes: Type.Optional(nullable(Type.String({ maxLength: CAMPAIGN_PROMISE_NOTES_MAX_LENGTH }), "Anything else it promised.")),
  },
  { additionalProperties: false, description: "Replaces the campaign's whole promise." },
);

export type CampaignPromiseDtoType = Static<typeof CampaignPromiseDto>;
