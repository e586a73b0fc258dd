import { type Static, Type } from "typebox";
import { MAX_POOL_MEMBERS, MAX_RULE_CONDITIONS } from "../../../domain/routing/check-routing-rule.js";
import { CONDITION_OPERATORS, type RoutingCondition, ROUTING_STRATEGIES } from "../../../domain/routing/routing-rule.js";

/** Longest condition value, or list entry of `in`. */
const VALUE_MAX_LENGTH = 500;

const valueDescription = "A string (equals, contains, matches: a regular expression), a number (equals, gt, gte, lt, lte) or a list of strings (in).";

// Requests use one `type` list rather than a union: with `anyOf`, Ajv's type coercion would turn
// 50 into "50" in the string branch before the number branch is tried; with a list it coerces
// only when no type matches. Responses need the union: the serializer writes a list as its
// first matching branch, and with a type list that is the string "DE,FR".
export const ConditionValueInput = Type.Unsafe<RoutingCondition["value"]>({
  type: ["string", "number", "array"],
  maxLength: VALUE_MAX_LENGTH,
  items: { type: "string", maxLength: VALUE_MAX_LENGTH },
  maxItems: VALUE_MAX_LENGTH,
  description: valueDescription,
});
export const ConditionValueOutput = Type.Union([Type.Array(Type.String()), Type.Number(), Type.String()], { description: valueDescription });

const conditionOf = (value: typeof ConditionValueInput | typeof ConditionValueOutput) =>
  Type.Object(
    {
      field: Type.String({ minLength: 1, maxLength: 120, description: "source, campaign, channel, country, company, title, emailDomain, utmSource, utmMedium, utmCampaign, or custom.<name>." }),
      operator: Type.Enum(CONDITION_OPERATORS),
      value,
    },
    { additionalProperties: false },
  );

export const RoutingTargetSchema = Type.Object(
  {
    userIds: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: MAX_POOL_MEMBERS, description: "Active people, in turn order." }),
    strategy: Type.Enum(ROUTING_STRATEGIES),
  },
  { additionalProperties: false },
);

const name = Type.String({ minLength: 1, maxLength: 200 });
const position = Type.Integer({ minimum: 1, maximum: 100_000, description: "1 is tried first; positions are renumbered 1..n after every change." });
const conditionsOf = (value: typeof ConditionValueInput | typeof ConditionValueOutput) =>
  Type.Array(conditionOf(value), { maxItems: MAX_RULE_CONDITIONS, description: "All must hold; none matches every lead." });
const conditions = conditionsOf(ConditionValueInput);
const slaPolicyId = Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()], { description: "null: the default SLA policy." });
const sequenceId = Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()], { description: "The sequence the leads this rule routes are enrolled in; null: none." });

export const RoutingRuleDto = Type.Object({
  id: Type.String(),
  name: Type.String(),
  position: Type.Integer(),
  conditions: conditionsOf(ConditionValueOutput),
  target: RoutingTargetSchema,
  slaPolicyId,
  sequenceId,
  isActive: Type.Boolean(),
});

export const RoutingRuleListResponse = Type.Object({ items: Type.Array(RoutingRuleDto) });

export const CreateRoutingRuleBody = Type.Object(
  { name, position: Type.Optional(position), conditions, target: RoutingTargetSchema, slaPolicyId: Type.Optional(slaPolicyId), sequenceId: Type.Optional(sequenceId), isActive: Type.Optional(Type.Boolean({ default: true })) },
  { additionalProperties: false, description: "Without a position the rule goes last." },
);

export const ChangeRoutingRuleBody = Type.Object(
  {
    name: Type.Optional(name),
    position: Type.Optional(position),
    conditions: Type.Optional(conditions),
    target: Type.Optional(RoutingTargetSchema),
    slaPolicyId: Type.Optional(slaPolicyId),
    sequenceId: Type.Optional(sequenceId),
    isActive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ReorderRoutingRulesBody = Type.Object(
  { ids: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 1000, description: "Every rule's id exactly once, first-tried first." }) },
  { additionalProperties: false },
);

export const RoutingRuleIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });

export type RoutingRuleDtoType = Static<typeof RoutingRuleDto>;
