import { Type } from "typebox";

export const DeadWorkDto = Type.Object({
  kind: Type.Union([Type.Literal("timer"), Type.Literal("message")]),
  id: Type.String(),
  name: Type.String({ description: "The timer's task or the message's channel." }),
  key: Type.String(),
  attempts: Type.Integer({ minimum: 0 }),
  lastError: Type.Union([Type.String(), Type.Null()]),
  diedAt: Type.String({ format: "date-time" }),
  createdAt: Type.String({ format: "date-time" }),
  payload: Type.Unknown(),
});

export const DeadWorkQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })) }, { additionalProperties: false });

export const DeadWorkResponse = Type.Object({ items: Type.Array(DeadWorkDto) });

export const RetryParams = Type.Object(
  { kind: Type.Union([Type.Literal("timer"), Type.Literal("message")], { description: "timer or message" }), id: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);

export const RetryResponse = Type.Object({ kind: Type.String(), id: Type.String(), dueAt: Type.String({ format: "date-time" }) });
