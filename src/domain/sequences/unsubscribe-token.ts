import { isSameLinkSignature, linkSignatureOf } from "../link-signature.js";

/** Who an unsubscribe link speaks for: the address the email went to and its lead. */
export type UnsubscribeTokenClaim = { address: string; leadId: string };

/**
 * The token in an unsubscribe link: the claim and its HMAC-SHA256 under the workspace key, both
 * base64url, joined by a dot. It never expires: an opt-out link must work years later.
 */
export function signUnsubscribeToken(key: string, claim: UnsubscribeTokenClaim): string {
  const payload = Buffer.from(JSON.stringify([claim.address, claim.leadId])).toString("base64url");
  return `${payload}.${linkSignatureOf(key, payload)}`;
}

/** The claim of a token signed with this key, or null for anything else (forged, altered, cut short). */
export function verifyUnsubscribeToken(key: string, token: string): UnsubscribeTokenClaim | null {
  const [payload, signature, ...rest] = token.split(".");
  if (payload === undefined || signature === undefined || rest.length > 0) return null;
  if (!isSameLinkSignature(signature, linkSignatureOf(key, payload))) return null;
  try {
    const claim: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (!Array.isArray(claim) || claim.length !== 2 || !claim.every((part) => typeof part === "string")) return null;
    return { address: claim[0] as string, leadId: claim[1] as string };
  } catch {
    return null;
  }
}
