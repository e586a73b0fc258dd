import { createHash, randomBytes } from "node:crypto";

/** Bytes of randomness in session tokens, CSRF tokens, setup tokens and API keys (256 bits). */
const SECRET_BYTES = 32;

/** A fresh unguessable token, base64url so it survives cookies, headers and URLs unescaped. */
export function newSecretToken(prefix = ""): string {
  return prefix + randomBytes(SECRET_BYTES).toString("base64url");
}

/**
 * The stored form of a secret. A plain sha256 (not argon2) is enough: the secrets carry 256
 * random bits, so there is nothing to brute-force, and lookups stay one indexed read.
 */
export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
