import { afterEach, describe, expect, it } from "vitest";
import { manualClock } from "../clock.js";
import { startWebhookSink, verifyStandardWebhook, type WebhookSink } from "../../test/support/webhook-sink.js";
import { createWebhookChannel, type WebhookEndpoint } from "./webhook.js";
import { signWebhook } from "./webhook-signature.js";

// A secret as the Standard Webhooks test vectors write one: whsec_ + base64 of the key.
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const AT = Date.UTC(2026, 2, 2, 9, 0, 0);
const payload = { subscriptionId: "wh_1", body: { type: "lead.created" as const, timestamp: new Date(AT).toISOString(), data: { leadId: "lead_1", name: "Ana Lima" } } };

let sink: WebhookSink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

function channelTo(endpoint: WebhookEndpoint | undefined, timeoutMs = 2000) {
  return createWebhookChannel({ timeoutMs, clock: manualClock(AT), findEndpoint: async () => endpoint });
}

describe("webhook channel", () => {
  it("POSTs the body with Standard Webhooks headers that an independent verifier accepts", async () => {
    sink = await startWebhookSink();
    const result = await channelTo({ url: sink.url, secret: SECRET, isActive: true }).deliver({ id: "msg_1", attempt: 1, payload });
    expect(result).toEqual({ isDelivered: true, statusCode: 204 });
    const [delivery] = sink.deliveries;
    expect(delivery).toMatchObject({ id: "msg_1", timestamp: String(AT / 1000) });
    expect(JSON.parse(delivery!.body)).toEqual(payload.body);
    expect(delivery!.headers["content-type"]).toBe("application/json");
    expect(await verifyStandardWebhook(delivery!, SECRET, AT / 1000)).toBe(true);
    expect(await verifyStandardWebhook({ ...delivery!, body: delivery!.body.replace("Ana", "Eve") }, SECRET, AT / 1000)).toBe(false);
    expect(await verifyStandardWebhook(delivery!, "whsec_b3RoZXIgc2VjcmV0", AT / 1000)).toBe(false);
  });

  it("matches the Standard Webhooks reference signature", () => {
    // The specification's example: id msg_p5jXN8AQM9LWM0D4loKWxJek, timestamp 1614265330, this body and secret.
    const signature = signWebhook({ id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestampSeconds: 1614265330, body: '{"test": 2432232314}', secret: SECRET });
    expect(signature).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("keeps the id across attempts, so the receiver can drop a retry it already processed", async () => {
    sink = await startWebhookSink();
    const channel = channelTo({ url: sink.url, secret: SECRET, isActive: true });
    await channel.deliver({ id: "msg_1", attempt: 1, payload });
    await channel.deliver({ id: "msg_1", attempt: 2, payload });
    expect(sink.processedIds).toEqual(["msg_1"]);
    expect(sink.duplicateIds).toEqual(["msg_1"]);
  });

  it("reports a non-2xx answer as a failed attempt with its status code", async () => {
    sink = await startWebhookSink({ statusFor: () => 503 });
    const result = await channelTo({ url: sink.url, secret: SECRET, isActive: true }).deliver({ id: "msg_1", attempt: 1, payload });
    expect(result).toEqual({ isDelivered: false, statusCode: 503, error: "HTTP 503: try later", isPermanent: false });
  });

  it("fails an attempt the peer does not answer within the timeout, and one it cannot reach", async () => {
    sink = await startWebhookSink({ answerDelayMs: 1000 });
    const slow = await channelTo({ url: sink.url, secret: SECRET, isActive: true }, 150).deliver({ id: "msg_1", attempt: 1, payload });
    expect(slow).toMatchObject({ isDelivered: false, statusCode: null, error: "no answer within 150 ms" });
    const closedUrl = sink.url;
    await sink.close();
    sink = undefined;
    const closed = await channelTo({ url: closedUrl, secret: SECRET, isActive: true }).deliver({ id: "msg_1", attempt: 1, payload });
    expect(closed).toMatchObject({ isDelivered: false, statusCode: null, error: expect.stringContaining("ECONNREFUSED") });
  });

  it("fails permanently when the subscription was deleted or deactivated", async () => {
    for (const endpoint of [undefined, { url: "http://127.0.0.1:4400/", secret: SECRET, isActive: false }]) {
      expect(await channelTo(endpoint).deliver({ id: "msg_1", attempt: 1, payload })).toMatchObject({ isDelivered: false, isPermanent: true });
    }
  });
});
