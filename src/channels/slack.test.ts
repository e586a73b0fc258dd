import { afterEach, describe, expect, it } from "vitest";
import { startWebhookSink, type WebhookSink } from "../../test/support/webhook-sink.js";
import { createSlackChannel, slackMessageBody } from "./slack.js";

const DUE = Date.UTC(2026, 2, 2, 9, 5, 0);
const payload = {
  webhookUrl: "https://hooks.slack.example/services/T0/B0/x",
  headline: "New lead for Rita",
  lead: { id: "lead_1", name: "Ana <Lima>", company: "Acme & Co", source: "website" },
  slaDueAt: DUE,
};

let sink: WebhookSink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

describe("slack channel", () => {
  it("summarises the lead in text and blocks: name, company, source, SLA deadline and a link, with markup escaped", () => {
    const body = slackMessageBody(payload, "https://crm.example.com") as { text: string; blocks: unknown[] };
    const all = JSON.stringify(body);
    expect(body.text).toContain("New lead for Rita: Ana &lt;Lima&gt; (Acme &amp; Co)");
    expect(all).toContain("website");
    expect(all).toContain(`<!date^${DUE / 1000}^{date_short_pretty} {time}|2026-03-02T09:05:00.000Z>`);
    expect(all).toContain("<https://crm.example.com/leads/lead_1|Open the lead in Closeloop>");
    expect(body.blocks).toHaveLength(3);
  });

  it("posts to the incoming webhook the message was queued with", async () => {
    sink = await startWebhookSink();
    const channel = createSlackChannel({ publicUrl: "https://crm.example.com", timeoutMs: 2000 });
    expect(await channel.deliver({ id: "msg_1", attempt: 1, payload: { ...payload, webhookUrl: sink.url } })).toEqual({ isDelivered: true, statusCode: 204 });
    expect(JSON.parse(sink.deliveries[0]!.body).text).toContain("Ana &lt;Lima&gt;");
  });
});
