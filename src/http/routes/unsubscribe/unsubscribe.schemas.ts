import { Type } from "typebox";

/**
 * The token is the rest of the path (`/u/*`): a signed token is longer than the 100 characters
 * the router allows a named path parameter.
 */
export const UnsubscribeParams = Type.Object({ "*": Type.String({ minLength: 1, maxLength: 1000, pattern: "^[A-Za-z0-9_.-]+$" }) }, { additionalProperties: false });

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
