import type { Qualification } from "../../../domain/qualification/qualification.js";
import type { QualificationDtoType } from "./qualification.schemas.js";

/** A lead's qualification as the API shows it (instants in epoch ms, as the service keeps them). */
export function presentQualification(qualification: Qualification): QualificationDtoType {
  const { status, answers, costOfInaction, disqualification } = qualification;
  return { status, answers, costOfInaction, disqualification };
}
