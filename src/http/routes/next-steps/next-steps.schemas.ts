import { type Static, Type } from "typebox";
import { NEXT_STEP_ACTION_MAX_CHARS } from "../../../domain/pipeline/next-step.js";
import { IsoInstant } from "../../instants.js";

export const NextStepDto = Type.Object({
  action: Type.String(),
  dueAt: IsoInstant("When it is due; the owner is reminded then."),
  ownerId: Type.Union([Type.String(), Type.Null()], { description: "Who does it; null only when nobody could be named." }),
  setAt: IsoInstant("When it was set or last rescheduled."),
  status: Type.Union([Type.Literal("scheduled"), Type.Literal("due"), Type.Literal("overdue")], {
    description: "scheduled until its due time, due once the reminder went out, overdue after the workspace's grace minutes.",
  }),
});

export const NextStepBody = Type.Object(
  {
    action: Type.String({ minLength: 1, maxLength: NEXT_STEP_ACTION_MAX_CHARS, description: "What to do next, 1–500 characters." }),
    dueAt: IsoInstant("When (ISO 8601). A time in the past makes it due at once."),
    ownerId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "An active user; default the lead's owner, else the caller." })),
  },
  { additionalProperties: false },
);

export const NextStepDoneBody = Type.Object(
  {
    outcome: Type.Optional(Type.String({ maxLength: 2000, description: "What came of it." })),
    next: Type.Optional(NextStepBody),
  },
  { additionalProperties: false },
);

export const NextStepResponse = Type.Object({ nextStep: NextStepDto });

export const NextStepDoneResponse = Type.Object({ nextStep: Type.Union([NextStepDto, Type.Null()], { description: "The step that follows, when `next` was given." }) });

export type NextStepBodyType = Static<typeof NextStepBody>;
