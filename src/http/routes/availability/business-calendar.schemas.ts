import { Type } from "typebox";

const minute = Type.Integer({ minimum: 0, maximum: 1440 });

/** One open stretch of a day: [startMinute, endMinute) after local midnight, e.g. [540, 1020] for 9:00–17:00. */
const OpenInterval = Type.Tuple([minute, minute], { description: "[startMinute, endMinute) after local midnight; [540, 1020] is 9:00–17:00." });

const dayHours = Type.Optional(Type.Array(OpenInterval, { maxItems: 24 }));

export const WeeklyHoursSchema = Type.Object(
  { "1": dayHours, "2": dayHours, "3": dayHours, "4": dayHours, "5": dayHours, "6": dayHours, "7": dayHours },
  { additionalProperties: false, description: "Open intervals by ISO weekday (1 = Monday … 7 = Sunday); a missing day is closed." },
);

/** Weekly hours in a time zone, minus holidays: the workspace's business hours or one person's working hours. */
export const BusinessCalendarSchema = Type.Object(
  {
    timezone: Type.String({ minLength: 1, maxLength: 64, description: "IANA time zone, e.g. Europe/Berlin." }),
    weeklyHours: WeeklyHoursSchema,
    holidays: Type.Array(Type.String({ maxLength: 10, description: "YYYY-MM-DD" }), { maxItems: 400, description: "Local dates on which nobody works." }),
  },
  { additionalProperties: false },
);
