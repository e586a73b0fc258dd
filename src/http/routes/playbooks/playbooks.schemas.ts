import { type Static, Type } from "typebox";
import { PLAYBOOK_LIMITS } from "../../../domain/scoring/playbook.js";
import { INTENT_LEVELS } from "../../../domain/scoring/scoring-config.js";
import { IsoInstant } from "../../instants.js";
import { Nullable } from "../../nullable.js";

const id = Type.String({ minLength: 1, maxLength: 100 });
const intentLevel = Type.Enum(INTENT_LEVELS, { description: "The intent level of the leads it runs on: high, medium or low." });

export const PlaybookBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: PLAYBOOK_LIMITS.maxNameLength, description: "Unique among playbooks." }),
    intentLevel,
    source: Type.Optional(
      Nullable(
        Type.String({ minLength: 1, maxLength: PLAYBOOK_LIMITS.maxSourceLength }),
        "Only leads from this source (case-insensitive); null (default): any source. A playbook for the lead's own source wins over one for any source.",
      ),
    ),
    slaPolicyId: Type.Optional(Nullable(id, "The SLA policy applied to the lead (its first-response clock restarts if it is still waiting); null (default): leave the SLA as routing set it.")),
    sequenceId: Type.Optional(Nullable(id, "The live sequence the lead is enrolled in (stopping another it is in); null (default): none.")),
    stageGuidance: Type.Optional(Nullable(Type.String({ maxLength: PLAYBOOK_LIMITS.maxStageGuidanceLength }), "What the rep should do, shown on the lead page; null (default): none.")),
  },
  { additionalProperties: false, description: "A whole playbook. One playbook per intent level and source." },
);

export const PlaybookDto = Type.Object({
  id: Type.String(),
  name: Type.String(),
  intentLevel,
  source: Type.Union([Type.String(), Type.Null()], { description: "Null: any source." }),
  slaPolicyId: Type.Union([Type.String(), Type.Null()]),
  sequenceId: Type.Union([Type.String(), Type.Null()]),
  stageGuidance: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoInstant(),
  updatedAt: IsoInstant(),
});

export const PlaybookListResponse = Type.Object({ items: Type.Array(PlaybookDto, { description: "By intent level (high first), a source's own before any source, then name." }) });

export const PlaybookIdParams = Type.Object({ id }, { additionalProperties: false });

export type PlaybookBodyType = Static<typeof PlaybookBody>;
export type PlaybookDtoType = Static<typeof PlaybookDto>;
