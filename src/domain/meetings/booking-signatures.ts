import { createHmac, timingSafeEqual } from "node:crypto";

/** Header Cal.com signs deliveries in: hex HMAC-SHA256 of the raw body with the webhook's secret. */
export const CALCOM_SIGNATURE_HEADER = "X-Cal-Signature-256";

/** Header Calendly signs deliveries in: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export const CALENDLY_SIGNATURE_HEADER = "Calendly-Webhook-Signature";

/**
 * How old a Calendly signature may be: Calendly's own guidance is 3 minutes, long enough for a
 * delivery in flight and short enough that a captured request cannot be replayed later.
 */
export const CALENDLY_SIGNATURE_TOLERANCE_MS = 3 * 60_000;

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

function hmacHex(secret: string, parts: readonly (string | Uint8Array)[]): string {
  const mac = createHmac("sha256", secret);
  for (const part of parts) mac.update(part);
  return mac.digest("hex");
}

/** Constant-time comparison of two hex digests, so timing reveals nothing about the expected one. */
function isSameDigest(sent: string, expected: string): boolean {
  if (!HEX_SHA256.test(sent)) return false;
  return timingSafeEqual(Buffer.from(sent.toLowerCase(), "hex"), Buffer.from(expected, "hex"));
}

/** Whether `header` is Cal.com's signature of exactly these body bytes under `secret`. */
export function isValidCalcomSignature(rawBody: Uint8Array, header: string | undefined, secret: string): boolean {
  if (header === undefined) return false;
  return isSameDigest(header.trim(), hmacHex(secret, [rawBody]));
}

/**
 * Whether `header` is Calendly's signature of these body bytes under `signingKey`, made no
 * more than `CALENDLY_SIGNATURE_TOLERANCE_MS` before (or after, for clock skew) `now`.
 */
export function isValidCalendlySignature(rawBody: Uint8Array, header: string | undefined, signingKey: string, now: number): boolean {
  if (header === undefined) return false;
  const parts = new Map(
    header.split(",").map((part) => {
      const equals = part.indexOf("=");
      return [part.slice(0, equals).trim(), part.slice(equals + 1).trim()] as const;
    }),
  );
  const timestamp = parts.get("t");
  const sent = parts.get("v1");
  if (timestamp === undefined || sent === undefined || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now - Number(timestamp) * 1000) > CALENDLY_SIGNATURE_TOLERANCE_MS) return false;
  return isSameDigest(sent, hmacHex(signingKey, [`${timestamp}.`, rawBody]));
}
