import { SlackMessagePayload } from "../domain/notifications/notification-payloads.js";
import type { Channel } from "./channel.js";
import { postJson } from "./post-json.js";

export type SlackChannelOptions = {
  /** PUBLIC_URL, for the link to the lead. */
  publicUrl: string;
  timeoutMs: number;
};

/** Slack's mrkdwn treats `&`, `<` and `>` as markup: escape them in anything a lead typed. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** `<!date^…>` renders in each reader's own time zone; the ISO text is the fallback. */
function slackDate(at: number): string {
  return `<!date^${Math.floor(at / 1000)}^{date_short_pretty} {time}|${new Date(at).toISOString()}>`;
}

/** The incoming-webhook body: a plain-text summary (notifications, old clients) and blocks. */
export function slackMessageBody(payload: SlackMessagePayload, publicUrl: string): object {
  const { lead } = payload;
  const name = lead.name ?? "Unnamed lead";
  const link = `${publicUrl}/leads/${encodeURIComponent(lead.id)}`;
  const due = payload.slaDueAt === null ? "no SLA" : slackDate(payload.slaDueAt);
  const field = (label: string, value: string | null) => ({ type: "mrkdwn", text: `*${label}*\n${value === null ? "—" : escapeSlack(value)}` });
  return {
    text: `${escapeSlack(payload.headline)}: ${escapeSlack(name)}${lead.company ? ` (${escapeSlack(lead.company)})` : ""}, respond by ${due} ${link}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${escapeSlack(payload.headline)}*` } },
      { type: "section", fields: [field("Lead", name), field("Company", lead.company), field("Source", lead.source), { type: "mrkdwn", text: `*Respond by*\n${due}` }] },
      { type: "section", text: { type: "mrkdwn", text: `<${link}|Open the lead in Closeloop>` } },
    ],
  };
}

/** Slack incoming webhooks. Slack keeps no idempotency id: a retry after a lost answer can post twice. */
export function createSlackChannel(options: SlackChannelOptions): Channel<typeof SlackMessagePayload> {
  return {
    name: "slack",
    payloadSchema: SlackMessagePayload,
    // A notification hours late is noise: 8 attempts from 5 s doubling to 15 min span about 10 min.
    retry: { maxAttempts: 8, backoffBaseMs: 5000, backoffMaxMs: 900_000 },
    async deliver(message) {
      return postJson(message.payload.webhookUrl, JSON.stringify(slackMessageBody(message.payload, options.publicUrl)), {}, options.timeoutMs);
    },
  };
}
