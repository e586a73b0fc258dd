import { Type } from "typebox";

export const BookingReceiptDto = Type.Object({
  matched: Type.Boolean({ description: "false: no lead has the attendee's email, or no known meeting has this booking id; nothing changed." }),
  meetingId: Type.Optional(Type.String({ description: "The meeting the delivery concerns." })),
  isChanged: Type.Optional(Type.Boolean({ description: "false for a repeated delivery, or a notice that would overturn an outcome already recorded." })),
  ignoredBecause: Type.Optional(Type.String({ description: "Why a well-formed delivery changes no meeting (a trigger we do not act on)." })),
});
