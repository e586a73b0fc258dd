import { isCurrentVersion, type ObjectionWithResponses, type ResponseVersion } from "../../../domain/objections/objection.js";
import type { ProofAsset } from "../../../domain/objections/proof-asset.js";
import { type ResponseSuggestion, sampleSize } from "../../../domain/objections/win-rates.js";
import type { StoredObjectionLog } from "../../../store/objection-logs.js";
import { isoOf } from "../../instants.js";
import type { ObjectionDtoType, ObjectionLogDtoType, ProofAssetDtoType, ResponseSuggestionDtoType, ResponseVersionDtoType } from "./objections.schemas.js";

/** A response wording as the API shows it. */
export function presentResponseVersion(version: ResponseVersion, isCurrent: boolean): ResponseVersionDtoType {
  return { id: version.id, responseId: version.responseId, version: version.version, text: version.text, isCurrent, createdAt: isoOf(version.createdAt) };
}

/** An objection with its response versions. */
export function presentObjection(objection: ObjectionWithResponses): ObjectionDtoType {
  const { id, name, category, isActive, createdAt, responses } = objection;
  return { id, name, category, isActive, createdAt: isoOf(createdAt), responses: responses.map((v) => presentResponseVersion(v, isCurrentVersion(v, responses))) };
}

/** A proof asset. */
export function presentProofAsset(asset: ProofAsset): ProofAssetDtoType {
  return { id: asset.id, kind: asset.kind, title: asset.title, url: asset.url, tags: asset.tags, createdAt: isoOf(asset.createdAt) };
}

/** A ranked response with the evidence behind its rank. */
export function presentSuggestion(suggestion: ResponseSuggestion): ResponseSuggestionDtoType {
  const { wins, losses, open, winRate } = suggestion.rate;
  return { ...presentResponseVersion(suggestion.version, suggestion.isCurrent), wins, losses, open, sampleSize: sampleSize(suggestion.rate), winRate };
}

/** An objection logged on a lead. */
export function presentObjectionLog(log: StoredObjectionLog): ObjectionLogDtoType {
  return { id: log.id, leadId: log.leadId, objectionId: log.objectionId, responseVersionId: log.responseVersionId, notes: log.notes, loggedAt: isoOf(log.loggedAt) };
}
