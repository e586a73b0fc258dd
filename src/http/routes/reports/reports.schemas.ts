import { Type } from "typebox";

const Instant = (description: string) => Type.Integer({ minimum: 0, description });

export const OutcomeReasonsQuery = Type.Object(
  {
    from: Type.Optional(Instant("Start of the range, epoch ms (inclusive); default 30 days before `to`.")),
    to: Type.Optional(Instant("End of the range, epoch ms (exclusive); default now.")),
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
  from: Type.Integer(),
  to: Type.Integer(),
  disqualified: Type.Array(ReasonCountDto, { description: "Most leads first." }),
  lost: Type.Array(ReasonCountDto, { description: "Most leads first." }),
});
