import type { Static } from "typebox";
import type {
  AddResponseBody,
  ChangeObjectionBody,
  CreateObjectionBody,
  LogObjectionBody,
  ObjectionDtoType,
  ObjectionLogDtoType,
  ProofAssetDtoType,
  ResponseSuggestionDtoType,
  ResponseVersionDtoType,
} from "../../../src/http/routes/objections/objections.schemas.js";
import { apiRequest } from "./client.js";
import { leadPath } from "./leads.js";

export type { ObjectionCategory } from "../../../src/domain/objections/objection.js";

/** An objection with every wording of its responses, typed from the objections route's schema. */
export type Objection = ObjectionDtoType;
export type ResponseVersion = ResponseVersionDtoType;
/** A response wording with the won and lost leads behind its rank. */
export type ResponseSuggestion = ResponseSuggestionDtoType;
export type ObjectionSuggestions = { industry: string | null; responses: ResponseSuggestion[]; proofAssets: ProofAssetDtoType[] };

const OBJECTIONS = "/api/v1/objections";

/** The whole catalog, retired objections included. */
export async function listObjections(signal?: AbortSignal): Promise<Objection[]> {
  const page = await apiRequest<{ items: Objection[] }>(OBJECTIONS, { signal });
  return page.items;
}

/** Adds an objection to the catalog. */
export async function createObjection(input: Static<typeof CreateObjectionBody>): Promise<Objection> {
  return apiRequest<Objection>(OBJECTIONS, { method: "POST", body: input });
}

/** Renames, recategorises, retires or revives an objection. */
export async function changeObjection(id: string, change: Static<typeof ChangeObjectionBody>): Promise<Objection> {
  return apiRequest<Objection>(`${OBJECTIONS}/${encodeURIComponent(id)}`, { method: "PATCH", body: change });
}

/** Adds a response, or with `responseId` a new wording (version) of one. */
export async function addResponseVersion(objectionId: string, input: Static<typeof AddResponseBody>): Promise<ResponseVersion> {
  return apiRequest<ResponseVersion>(`${OBJECTIONS}/${encodeURIComponent(objectionId)}/responses`, { method: "POST", body: input });
}

/** Logs an objection the lead raised, with the response version used. */
export async function logObjection(leadId: string, input: Static<typeof LogObjectionBody>): Promise<ObjectionLogDtoType> {
  return apiRequest<ObjectionLogDtoType>(`${leadPath(leadId)}/objections`, { method: "POST", body: input });
}

/** Responses to an objection ranked by win rate, and the proof that fits the lead. */
export async function getObjectionSuggestions(leadId: string, objectionId: string, signal?: AbortSignal): Promise<ObjectionSuggestions> {
  return apiRequest<ObjectionSuggestions>(`${leadPath(leadId)}/objection-suggestions`, { query: { objectionId }, signal });
}
