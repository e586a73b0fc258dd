/** What kind of resistance an objection is: the six families sales teams hear again and again. */
export type ObjectionCategory = "price" | "timing" | "authority" | "competition" | "trust" | "need";

export const OBJECTION_CATEGORIES: readonly ObjectionCategory[] = ["price", "timing", "authority", "competition", "trust", "need"];

/** An objection in the catalog, e.g. "Too expensive" (price). */
export type Objection = {
  id: string;
  name: string;
  category: ObjectionCategory;
  isActive: boolean;
  createdAt: number;
};

/**
 * One wording of a response. Changing the wording makes a new version, so win rates stay
 * attached to the exact words a rep used; the highest version of a response is its current one.
 */
export type ResponseVersion = {
  id: string;
  objectionId: string;
  /** The response this is a wording of; every version of one response shares it. */
  responseId: string;
  version: number;
  text: string;
  createdAt: number;
};

/** An objection with every version of every response to it. */
export type ObjectionWithResponses = Objection & { responses: ResponseVersion[] };

/** Whether a version is the newest wording of its response. */
export function isCurrentVersion(version: ResponseVersion, all: readonly ResponseVersion[]): boolean {
  return !all.some((other) => other.responseId === version.responseId && other.version > version.version);
}

/** The version number the next wording of `responseId` gets (1 for a new response). */
export function nextVersionNumber(responseId: string, all: readonly ResponseVersion[]): number {
  return all.filter((v) => v.responseId === responseId).reduce((highest, v) => Math.max(highest, v.version), 0) + 1;
}
