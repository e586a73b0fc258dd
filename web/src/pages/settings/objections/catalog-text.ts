import type { ResponseVersion } from "../../../api/objections.js";

/** One response with its current wording and the wordings it replaced, newest first. */
export type ResponseGroup = { responseId: string; current: ResponseVersion; older: ResponseVersion[] };

/** Versions (oldest first, as the API lists them) grouped by response, in the order the responses were first added. */
export function groupResponses(versions: readonly ResponseVersion[]): ResponseGroup[] {
  const byResponse = new Map<string, ResponseVersion[]>();
  for (const version of versions) byResponse.set(version.responseId, [...(byResponse.get(version.responseId) ?? []), version]);
  return [...byResponse].map(([responseId, wordings]) => {
    const newestFirst = [...wordings].sort((a, b) => b.version - a.version);
    return { responseId, current: newestFirst[0]!, older: newestFirst.slice(1) };
  });
}

/** "Healthcare, SaaS ,healthcare" → ["Healthcare", "SaaS"]: a typed tag list, trimmed, blanks and repeats (any case) dropped. */
export function tagsOf(text: string): string[] {
  const tags: string[] = [];
  for (const typed of text.split(",")) {
    const tag = typed.trim();
    if (tag && !tags.some((kept) => kept.toLowerCase() === tag.toLowerCase())) tags.push(tag);
  }
  return tags;
}
