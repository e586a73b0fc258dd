import { type Static, Type } from "typebox";
import { MAX_ESCALATION_STEPS, MAX_TARGET_MINUTES } from "../../../domain/sla/check-sla-policy.js";
import { ESCALATION_ACTIONS } from "../../../domain/sla/sla-policy.js";

const EscalationStepSchema = Type.Object(
  { action: Type.Enum(ESCALATION_ACTIONS), afterBreachMinutes: Type.Integer({ minimum: 0, maximum: MAX_TARGET_MINUTES, description: "Wall-clock minutes after the breach." }) },
  { additionalProperties: false },
);

const fields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  targetMinutes: Type.Integer({ minimum: 1, maximum: MAX_TARGET_MINUTES, description: "First response within this many minutes." }),
  warningShare: Type.Number({ minimum: 0, exclusiveMaximum: 1, description: "Warn the owner after this share of the target (0: no warning)." }),
  clock: Type.Union([Type.Literal("business"), Type.Literal("wall")], { description: "business: only the workspace's open hours count; wall: every minute." }),
  isAutomatedResponseEnough: Type.Boolean({ description: "Whether an automated message stops the clock; by default only a person does." }),
  escalation: Type.Array(EscalationStepSchema, { maxItems: MAX_ESCALATION_STEPS, description: "Run in order after the breach; delays never go down." }),
  isDefault: Type.Boolean({ description: "Leads whose rule names no policy get the default; making one default clears the others." }),
};

export const SlaPolicyDto = Type.Object({ id: Type.String(), ...fields });

export const SlaPolicyListResponse = Type.Object({ items: Type.Array(SlaPolicyDto) });

export const CreateSlaPolicyBody = Type.Object(
  {
    name: fields.name,
    targetMinutes: fields.targetMinutes,
    warningShare: Type.Optional(fields.warningShare),
    clock: Type.Optional(fields.clock),
    isAutomatedResponseEnough: Type.Optional(fields.isAutomatedResponseEnough),
    escalation: Type.Optional(fields.escalation),
    isDefault: Type.Optional(fields.isDefault),
  },
  { additionalProperties: false, description: "Defaults: warningShare 0.5, business clock, people only, notify owner → reassign after 15 min → notify manager after 30." },
);

export const ChangeSlaPolicyBody = Type.Object(
  {
    name: Type.Optional(fields.name),
    targetMinutes: Type.Optional(fields.targetMinutes),
    warningShare: Type.Optional(fields.warningShare),
    clock: Type.Optional(fields.clock),
    isAutomatedResponseEnough: Type.Optional(fields.isAutomatedResponseEnough),
    escalation: Type.Optional(fields.escalation),
    isDefault: Type.Optional(fields.isDefault),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const SlaPolicyIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });

export type SlaPolicyDtoType = Static<typeof SlaPolicyDto>;
