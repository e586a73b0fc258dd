import { Type } from "typebox";

export const UnsubscribeParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false });

/**
 * A mail client's RFC 8058 one-click request (`List-Unsubscribe=One-Click`) or the unsubscribe
 * page's button (which also sends `via=page`).
 */
export const UnsubscribeBody = Type.Object(
  {
    "List-Unsubscribe": Type.Literal("One-Click"),
    via: Type.Optional(Type.Literal("page")),
  },
  { additionalProperties: false },
);
