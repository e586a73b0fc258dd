import { isSameLinkSignature, linkSignatureOf } from "../link-signature.js";

/** The query parameter a thank-you page receives the visitor token in, and the snippet's storage key. */
export const VISITOR_PARAM = "cl_visitor";

/**
 * 128 bits of HMAC: forging one is out of reach, and the token stays short in a thank-you URL
 * (a lead id, a dot and 22 characters).
 */
const VISITOR_SIGNATURE_BYTES = 16;

/**
 * What is signed: the lead id behind a `visitor:` prefix. Unsubscribe tokens sign base64url text,
 * which never holds a colon, so a signature made for one kind of link is never valid for the other.
 */
const signedMessageOf = (leadId: string): string => `visitor:${leadId}`;

/**
 * The token a website visitor carries once a form captured them: `<leadId>.<mac>`, the mac
 * base64url. It lets the site's activity snippet record page views for that lead and nothing
 * else, so, like an unsubscribe link, it never expires (visitors come back months later).
 */
export function signVisitorToken(key: string, leadId: string): string {
  return `${leadId}.${linkSignatureOf(key, signedMessageOf(leadId), VISITOR_SIGNATURE_BYTES)}`;
}

/** The lead id of a token signed with this key, or null for anything else (forged, altered, cut short, empty). */
export function verifyVisitorToken(key: string, token: string): string | null {
  // The mac never holds a dot; a lead id might, so the last dot is the separator.
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return null;
  const leadId = token.slice(0, dot);
  return isSameLinkSignature(token.slice(dot + 1), linkSignatureOf(key, signedMessageOf(leadId), VISITOR_SIGNATURE_BYTES)) ? leadId : null;
}

/** The thank-you URL with the visitor token added to its query, the rest of it (fragment included) kept. */
export function withVisitorToken(url: string, token: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set(VISITOR_PARAM, token);
  return parsed.toString();
}
