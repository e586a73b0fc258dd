import { createHmac } from "node:crypto";

/** Standard Webhooks secrets are `whsec_` + base64 of the key. */
const WEBHOOK_SECRET_PREFIX = "whsec_";

/**
 * The `webhook-signature` header value per Standard Webhooks: `v1,` + base64 HMAC-SHA256, keyed
 * with the secret's base64-decoded part, over `<webhook-id>.<webhook-timestamp>.<body>`.
 */
export function signWebhook(input: { id: string; timestampSeconds: number; body: string; secret: string }): string {
  const key = Buffer.from(input.secret.slice(WEBHOOK_SECRET_PREFIX.length), "base64");
  const mac = createHmac("sha256", key).update(`${input.id}.${input.timestampSeconds}.${input.body}`).digest("base64");
  return `v1,${mac}`;
}
