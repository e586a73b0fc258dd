import type { Static } from "typebox";
import type { EnrolBody, EnrolmentDtoType, LeadSequenceResponseType, SequenceMessageDtoType } from "../../../src/http/routes/lead-sequence/lead-sequence.schemas.js";
import { apiRequest } from "./client.js";
import { leadPath } from "./leads.js";

/** A lead's follow-up: the live enrolment, every enrolment with its stop reason, the emails sent and the tasks made. */
export type LeadSequence = LeadSequenceResponseType;
export type Enrolment = EnrolmentDtoType;
export type SequenceMessage = SequenceMessageDtoType;

const sequencePath = (leadId: string) => `${leadPath(leadId)}/sequence`;

export async function getLeadSequence(leadId: string, signal?: AbortSignal): Promise<LeadSequence> {
  return apiRequest<LeadSequence>(sequencePath(leadId), { signal });
}

/** Enrols the lead; `isReplacing` stops the sequence it is in first (otherwise that is a 409). */
export async function enrolLead(leadId: string, enrol: Static<typeof EnrolBody>): Promise<LeadSequence> {
  return apiRequest<LeadSequence>(sequencePath(leadId), { method: "POST", body: enrol });
}

/** Pauses, resumes or stops the lead's live sequence by hand. */
export async function changeEnrolment(leadId: string, action: "pause" | "resume" | "stop"): Promise<LeadSequence> {
  return apiRequest<LeadSequence>(`${sequencePath(leadId)}/${action}`, { method: "POST" });
}
