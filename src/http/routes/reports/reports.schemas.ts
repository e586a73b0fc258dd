import { Type } from "typebox";
import { IsoInstant } from "../../instants.js";

export const OutcomeReasonsQuery = Type.Object(
  {
    from: Type.Optional(IsoInstant("Start of the range, ISO 8601 (inclusive); default 30 days before `to`; at most 366 days before it.")),
    to: Type.Optional(IsoInstant("End of the range, ISO 8601 (exclusive); default now.")),
  },
  { additionalProperties: false },
);

const ReasonCountDto = Type.Object({
  source: Type.Union([Type.String(), Type.Null()], { description: "The lead's source when it closed." }),
  campaign: Type.Union([Type.String(), Type.Null()], { description: "The lead's campaign when it closed." }),
  reason: Type.String(),
  label: Type.String(),
  count: Type.Integer({ description: "Leads whose latest outcome in the range had this reason." }),
});

export const OutcomeReasonsResponse = Type.Object({
  from: IsoInstant(),
  to: IsoInstant(),
  disqualified: Type.Array(ReasonCountDto, { description: "Most leads first." }),
  lost: Type.Array(ReasonCountDto, { description: "Most leads first." }),
});
