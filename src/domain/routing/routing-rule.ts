/** How a rule compares a lead field with its value. */
export type ConditionOperator = "equals" | "in" | "contains" | "matches" | "gt" | "gte" | "lt" | "lte";

export const CONDITION_OPERATORS: readonly ConditionOperator[] = ["equals", "in", "contains", "matches", "gt", "gte", "lt", "lte"];

/**
 * One test on a lead field. `field` is a lead field (`source`, `campaign`, `country`,
 * `title`, `company`, `channel`, `scoreBucket`…) or a custom field as `custom.<name>`.
 */
export type RoutingCondition = { field: string; operator: ConditionOperator; value: string | number | string[] };

/** How a pool shares leads. */
export type RoutingStrategy = "round_robin" | "weighted_round_robin" | "least_loaded";

export const ROUTING_STRATEGIES: readonly RoutingStrategy[] = ["round_robin", "weighted_round_robin", "least_loaded"];

/** A pool of people and how they share the leads sent to it. */
export type RoutingTarget = { userIds: string[]; strategy: RoutingStrategy };

/** An ordered rule: the first active rule whose conditions all hold routes the lead. */
export type RoutingRule = {
  id: string;
  name: string;
  position: number;
  conditions: RoutingCondition[];
  target: RoutingTarget;
  /** The SLA policy leads routed by this rule get (null: the default policy). */
  slaPolicyId: string | null;
  /** The sequence the leads this rule routes to someone are enrolled in (null: none). */
  sequenceId: string | null;
  isActive: boolean;
};

/** The values a rule can test, flattened: `source`, `custom.seats`, … */
export type LeadFacts = Record<string, string | number | null>;
