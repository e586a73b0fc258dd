import { type Static, Type } from "typebox";
import { STEP_CHANNELS } from "../../../domain/sequences/sequence.js";
import { IsoInstant } from "../../instants.js";
import { Nullable } from "../../nullable.js";

export const SequenceTaskDto = Type.Object({
  id: Type.String(),
  leadId: Type.String(),
  enrolmentId: Type.String(),
  ownerId: Nullable(Type.String()),
  channel: Type.Enum(STEP_CHANNELS.filter((channel) => channel !== "email"), { description: "call, linkedin or sms: done by hand." }),
  instructions: Type.String({ description: "What to do, the step's body rendered for the lead." }),
  stepIndex: Type.Integer(),
  dueAt: IsoInstant(),
  doneAt: Nullable(IsoInstant()),
  doneBy: Nullable(Type.String()),
});

export const QueuedSequenceTaskDto = Type.Object({
  ...SequenceTaskDto.properties,
  leadName: Type.String({ description: "The lead's display name: first and last name, else the email, else the phone." }),
});

export const SequenceTaskListResponse = Type.Object({ items: Type.Array(QueuedSequenceTaskDto, { description: "Open tasks due now, soonest first (at most 200)." }) });

export const SequenceTaskListQuery = Type.Object(
  {
    ownerId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "Whose tasks (managers and admins); default: your own." })),
  },
  { additionalProperties: false },
);

export const SequenceTaskIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });

export type SequenceTaskDtoType = Static<typeof SequenceTaskDto>;
export type QueuedSequenceTaskDtoType = Static<typeof QueuedSequenceTaskDto>;
