import { type Static, Type } from "typebox";
import { ATTENTION_REASON_CODES } from "../../../domain/attention/attention-reason.js";
import { LeadDto } from "../leads/leads.schemas.js";
import { NextStepDto } from "../next-steps/next-steps.schemas.js";

export const AttentionQuery = Type.Object(
  {
    ownerId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "Whose leads (managers and admins); default: yours, or for managers and admins the whole team." })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

const AttentionReasonDto = Type.Object({
  code: Type.Enum(ATTENTION_REASON_CODES, { description: "Most urgent first: sla_breached, reply_waiting, next_step_overdue, sla_at_risk, no_next_step, stalled." }),
  detail: Type.String({ description: "What a person reads, e.g. \"Next step overdue by 3 h\"." }),
});

export const AttentionItemDto = Type.Object({
  lead: LeadDto,
  reasons: Type.Array(AttentionReasonDto, { description: "Every reason that applies, most urgent first." }),
  nextStep: Type.Union([NextStepDto, Type.Null()]),
  stage: Type.String({ description: "Key of the lead's stage." }),
  daysInStage: Type.Integer({ minimum: 0, description: "Whole days since the lead entered its stage." }),
  value: Type.Union([Type.Number(), Type.Null()], { description: "Deal value in major currency units (proposal, then won amount)." }),
});

export const AttentionResponse = Type.Object({ items: Type.Array(AttentionItemDto) });

export type AttentionItemDtoType = Static<typeof AttentionItemDto>;
