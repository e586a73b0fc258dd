import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

const FIXTURE_DIR = path.join(import.meta.dirname, "..", "fixtures", "scheduling");

/**
 * A booking tool's webhook body from `test/fixtures/scheduling`, as raw text (signatures cover
 * the exact bytes). `replacements` swap literal strings, e.g. an attendee email or a booking id.
 */
export function schedulingFixture(name: string, replacements: Record<string, string> = {}): string {
  let text = readFileSync(path.join(FIXTURE_DIR, name), "utf8");
  for (const [from, to] of Object.entries(replacements)) text = text.replaceAll(from, to);
  return text;
}

/** The parsed JSON of a fixture, for domain tests. */
export function schedulingFixtureJson(name: string): unknown {
  return JSON.parse(schedulingFixture(name));
}

/** `X-Cal-Signature-256` as Cal.com computes it: hex HMAC-SHA256 of the body. */
export function calcomSignature(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

/** `Calendly-Webhook-Signature` as Calendly computes it, signed at `at` (epoch ms). */
export function calendlySignature(body: string, signingKey: string, at: number): string {
  const t = Math.floor(at / 1000);
  return `t=${t},v1=${createHmac("sha256", signingKey).update(`${t}.${body}`).digest("hex")}`;
}
