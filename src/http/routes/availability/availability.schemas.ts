import { type Static, Type } from "typebox";
import { BusinessCalendarSchema } from "./business-calendar.schemas.js";

const nullableId = (description: string) => Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()], { description });

const profileFields = {
  workingHours: Type.Union([BusinessCalendarSchema, Type.Null()], { description: "When they take leads; null: at any hour." }),
  // A type list, not a union with Null: in a union, Ajv's type coercion turns null into 0 in the
  // integer branch, and "no limit" would become "no leads at all".
  capacity: Type.Unsafe<number | null>({ type: ["integer", "null"], minimum: 0, maximum: 100_000, description: "Most open leads they should hold; null: no limit." }),
  routingWeight: Type.Integer({ minimum: 1, maximum: 100, description: "Share in weighted round robin (1 = normal)." }),
  backupUserId: nullableId("Who takes their leads when an SLA escalates: another active person."),
  managerId: nullableId("Who hears about their breached SLAs."),
};

export const OutOfOfficeDto = Type.Object({
  id: Type.String(),
  startsAt: Type.String({ format: "date-time" }),
  endsAt: Type.String({ format: "date-time" }),
  note: Type.Union([Type.String(), Type.Null()]),
});

export const AvailabilityDto = Type.Object({
  userId: Type.String(),
  timezone: Type.String(),
  ...profileFields,
  openLeads: Type.Integer({ description: "Open (not won or lost) leads they own now." }),
  outOfOffice: Type.Array(OutOfOfficeDto, { description: "Periods that have not ended, soonest first." }),
});

export const SetAvailabilityBody = Type.Object(
  { ...profileFields, timezone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "The person's own IANA time zone; absent: unchanged." })) },
  { additionalProperties: false, description: "The whole profile; every field but timezone is replaced." },
);

export const AddOutOfOfficeBody = Type.Object(
  {
    startsAt: Type.String({ format: "date-time" }),
    endsAt: Type.String({ format: "date-time", description: "After startsAt, in the future, at most a year later." }),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const PersonIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });

export const OutOfOfficeParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 100 }), periodId: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);

export type AvailabilityDtoType = Static<typeof AvailabilityDto>;
export type OutOfOfficeDtoType = Static<typeof OutOfOfficeDto>;
