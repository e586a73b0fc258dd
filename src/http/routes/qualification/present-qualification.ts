import type { Qualification } from "../../../domain/qualification/qualification.js";
import { isoOf, isoOrNull } from "../../instants.js";
import type { QualificationDtoType } from "./qualification.schemas.js";

/** A lead's qualification as the API shows it (instants in ISO 8601). */
export function presentQualification(qualification: Qualification): QualificationDtoType {
  const { status, answers, costOfInaction, disqualification } = qualification;
  return {
    status,
    answers: answers.map((answer) => ({ ...answer, answeredAt: isoOrNull(answer.answeredAt) })),
    costOfInaction,
    disqualification: disqualification && { ...disqualification, at: isoOf(disqualification.at) },
  };
}
