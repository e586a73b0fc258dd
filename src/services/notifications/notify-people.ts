import { type Lead, leadDisplayName } from "../../domain/lead/lead.js";
import type { Executor } from "../../store/engine.js";
import { enqueueMessages } from "../../store/outbox.js";
import type { ServiceContext } from "../context.js";

/** Something people must know about a lead, sent by email to each and once to the team's Slack. */
export type PeopleNotice = {
  /** Distinguishes this notice from others about the same lead (e.g. `sla_breached`); with the lead id it makes the idempotency key. */
  reason: string;
  recipients: { id: string; email: string }[];
  lead: Lead;
  headline: string;
  detail: string;
  slaDueAt: number | null;
  /** The workspace's Slack incoming webhook; null sends no Slack message. */
  slackWebhookUrl: string | null;
};

/**
 * Queues notices in the outbox in the caller's transaction, in one insert: nothing is sent
 * unless the change that caused them commits, and a retried step enqueues nothing twice (keys
 * are unique).
 */
export async function notifyPeople(trx: Executor, ctx: ServiceContext, notices: PeopleNotice[], now: number): Promise<void> {
  const messages = notices.flatMap((notice) => messagesOf(ctx, notice, now));
  if (messages.length > 0) await enqueueMessages(trx, messages, now);
}

function messagesOf(ctx: ServiceContext, notice: PeopleNotice, now: number) {
  const link = `${ctx.publicUrl}/leads/${notice.lead.id}`;
  const name = leadDisplayName(notice.lead);
  const due = notice.slaDueAt === null ? "" : `\nFirst response due: ${new Date(notice.slaDueAt).toISOString()}`;
  const emails = notice.recipients.map((person) => ({
    id: ctx.ids("msg"),
    key: `email:${notice.lead.id}:${notice.reason}:${person.id}`,
    channel: "email",
    payload: { to: [person.email], subject: `${notice.headline}: ${name}`, text: `${notice.detail}\n\n${name}${notice.lead.company ? `, ${notice.lead.company}` : ""}${due}\n${link}\n` },
    availableAt: now,
  }));
  const slack = notice.slackWebhookUrl === null ? [] : [{
    id: ctx.ids("msg"),
    key: `slack:${notice.lead.id}:${notice.reason}`,
    channel: "slack",
    payload: {
      webhookUrl: notice.slackWebhookUrl,
      headline: `${notice.headline}: ${notice.detail}`,
      lead: { id: notice.lead.id, name, company: notice.lead.company, source: notice.lead.source },
      slaDueAt: notice.slaDueAt,
    },
    availableAt: now,
  }];
  return [...emails, ...slack];
}
