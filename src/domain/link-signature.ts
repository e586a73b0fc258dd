import { createHmac, timingSafeEqual } from "node:crypto";

/** Bytes of a full HMAC-SHA256. */
const FULL_SIGNATURE_BYTES = 32;

/**
 * The HMAC-SHA256 of `message` under the workspace key, base64url, cut to its first `bytes`
 * (default: all 32). Signed links and tokens carry it next to what they claim.
 */
export function linkSignatureOf(key: string, message: string, bytes: number = FULL_SIGNATURE_BYTES): string {
  return createHmac("sha256", key).update(message).digest().subarray(0, bytes).toString("base64url");
}

/**
 * Whether a signature a link carried is the expected one, in constant time. Compared as text,
 * so a second spelling of the same bytes (base64url's spare bits) is refused too.
 */
export function isSameLinkSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
