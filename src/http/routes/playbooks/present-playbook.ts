import type { Playbook, PlaybookInput } from "../../../domain/scoring/playbook.js";
import { isoOf } from "../../instants.js";
import type { PlaybookBodyType, PlaybookDtoType } from "./playbooks.schemas.js";

/** A playbook as the API shows it. */
export function presentPlaybook(playbook: Playbook): PlaybookDtoType {
  const { id, name, intentLevel, source, slaPolicyId, sequenceId, stageGuidance, createdAt, updatedAt } = playbook;
  return { id, name, intentLevel, source, slaPolicyId, sequenceId, stageGuidance, createdAt: isoOf(createdAt), updatedAt: isoOf(updatedAt) };
}

/** A playbook as the API takes it, as the services take it: any source, no SLA policy, sequence or guidance unless told. */
export function playbookInputOf(body: PlaybookBodyType): PlaybookInput {
  const { name, intentLevel, source = null, slaPolicyId = null, sequenceId = null, stageGuidance = null } = body;
  return { name, intentLevel, source, slaPolicyId, sequenceId, stageGuidance };
}
