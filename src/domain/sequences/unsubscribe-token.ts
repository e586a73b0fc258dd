import { createHmac, timingSafeEqual } from "node:crypto";

/** Who an unsubscribe link speaks for: the address the email went to and its lead. */
export type UnsubscribeTokenClaim = { address: string; leadId: string };

function signatureOf(key: string, payload: string): Buffer {
  return createHmac("sha256", key).update(payload).digest();
}

/**
 * The token in an unsubscribe link: the claim and its HMAC-SHA256 under the workspace key, both
 * base64url, joined by a dot. It never expires: an opt-out link must work years later.
 */
export function signUnsubscribeToken(key: string, claim: UnsubscribeTokenClaim): string {
  const payload = Buffer.from(JSON.stringify([claim.address, claim.leadId])).toString("base64url");
  return `${payload}.${signatureOf(key, payload).toString("base64url")}`;
}

/** The claim of a token signed with this key, or null for anything else (forged, altered, cut short). */
export function verifyUnsubscribeToken(key: string, token: string): UnsubscribeTokenClaim | null {
  const [payload, signature, ...rest] = token.split(".");
  if (payload === undefined || signature === undefined || rest.length > 0) return null;
  // Compared as text, so a second spelling of the same bytes (base64url's spare bits) is refused too.
  const expected = Buffer.from(signatureOf(key, payload).toString("base64url"));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claim: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (!Array.isArray(claim) || claim.length !== 2 || !claim.every((part) => typeof part === "string")) return null;
    return { address: claim[0] as string, leadId: claim[1] as string };
  } catch {
    return null;
  }
}
