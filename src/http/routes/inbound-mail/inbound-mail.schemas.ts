import { Type } from "typebox";
import { Nullable } from "../../nullable.js";

export const InboundMailQuery = Type.Object({
  secret: Type.Optional(Type.String({ maxLength: 1000, description: "The workspace's inbound email secret, for providers that cannot set a header." })),
});

export const InboundReceiptDto = Type.Object({
  id: Type.String({ description: "The inbound message record." }),
  kind: Type.Union([Type.Literal("reply"), Type.Literal("out_of_office"), Type.Literal("auto_reply"), Type.Literal("bounce"), Type.Literal("unmatched")], {
    description: "reply: the lead's sequence stopped; out_of_office: it paused until the stated return; auto_reply: recorded only; bounce: the address is suppressed; unmatched: no known lead, nothing changed.",
  }),
  leadId: Nullable(Type.String(), "The lead the email concerns; null when unmatched."),
  isDuplicate: Type.Boolean({ description: "true: this Message-ID was received before; nothing changed again." }),
});
