import type { Static } from "typebox";
import type { QualificationStatus } from "../../../src/domain/pipeline/lead-pipeline.js";
import type { DisqualifyBody, QualificationBody, QualificationDto } from "../../../src/http/routes/qualification/qualification.schemas.js";
import { apiRequest } from "./client.js";
import { leadPath } from "./leads.js";

export type CriterionAnswer = "yes" | "no" | "unknown";

type QualificationShape = Static<typeof QualificationDto>;

/** One configured criterion with the lead's answer (null until answered); `answeredBy` is an actor (`user:<id>`). */
export type QualificationRow = Omit<QualificationShape["answers"][number], "answer"> & { answer: CriterionAnswer | null };

/** The lead's qualification, typed from the route's schema with its status and answers narrowed to their values. */
export type Qualification = Omit<QualificationShape, "status" | "answers"> & { status: QualificationStatus; answers: QualificationRow[] };

export type QualificationChange = Static<typeof QualificationBody>;

/** The lead's qualification: one row per criterion, the status, the cost of inaction and any disqualification. */
export async function getQualification(leadId: string, signal?: AbortSignal): Promise<Qualification> {
  return apiRequest<Qualification>(`${leadPath(leadId)}/qualification`, { signal });
}

/** Records answers (only those given change) and the cost of inaction. */
export async function answerQualification(leadId: string, change: QualificationChange): Promise<Qualification> {
  return apiRequest<Qualification>(`${leadPath(leadId)}/qualification`, { method: "PUT", body: change });
}

/** Disqualifies the lead with a reason from the workspace's list; closes it and clears its next step. */
export async function disqualifyLead(leadId: string, input: Static<typeof DisqualifyBody>): Promise<Qualification> {
  return apiRequest<Qualification>(`${leadPath(leadId)}/disqualify`, { method: "POST", body: input });
}

/** Takes a disqualified lead back; its status follows its answers again. */
export async function requalifyLead(leadId: string): Promise<Qualification> {
  return apiRequest<Qualification>(`${leadPath(leadId)}/requalify`, { method: "POST" });
}
