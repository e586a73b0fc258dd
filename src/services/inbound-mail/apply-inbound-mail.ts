import type { InboundClassification } from "../../domain/inbound-mail/inbound-mail.js";
import { statedReturnAt } from "../../domain/inbound-mail/classify-inbound-mail.js";
import type { Actor } from "../../domain/lead/lead-event.js";
import type { Touch } from "../../domain/touches/touch.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { readSettings } from "../../store/settings.js";
import { findUserById } from "../../store/users.js";
import type { ServiceContext } from "../context.js";
import { notifyPeople } from "../notifications/notify-people.js";
import { zoneOfLead } from "../sequences/lead-zone.js";
import { pauseLiveEnrolmentInTransaction } from "../sequences/pause-live-enrolment.js";
import { stopLiveEnrolmentInTransaction } from "../sequences/stop-live-enrolment.js";
import { recordBounceInTransaction } from "../suppressions/record-bounce.js";
import { updateReplyWaiting } from "../touches/log-touch.js";
import type { InboundMatch } from "./match-inbound-mail.js";
import type { ParsedInboundMail } from "./parse-inbound-mail.js";
import { DAY_MS } from "../../domain/time.js";

/** Where the email came in. */
export type InboundVia = "imap" | "webhook";

/** Inbound mail acts on its own: no person or key caused it. */
const INBOUND_ACTOR: Actor = "system";

/** An email the lead wrote: it starts their wait for an answer, as a logged email in does. */
const EMAIL_IN: Touch = { channel: "email", direction: "in", outcome: null, durationSeconds: null, notes: null, isAutomated: false };

/** The enrolment the email concerned: the one it stopped or paused, else the one whose email it answers or returns. */
type Applied = { enrolmentId: string | null };

type InboundEffect = { trx: Executor; ctx: ServiceContext; parsed: ParsedInboundMail; match: InboundMatch; via: InboundVia; inboundId: string; now: number };

/**
 * A reply: `replied`, the live enrolment stops (replied), the lead waits for an answer (reply
 * waiting in the owner's queue) and the owner is told by email. A lead with no live sequence
 * gets the same, but for the stop.
 */
async function applyReply({ trx, ctx, parsed, match, via, inboundId, now }: InboundEffect): Promise<Applied> {
  const { lead } = match;
  const data = { messageId: parsed.messageId, inReplyTo: parsed.inReplyTo, via, subject: parsed.mail.subject };
  await appendEvents(trx, [{ leadId: lead.id, type: "replied", actor: INBOUND_ACTOR, at: now, data }]);
  const stopped = await stopLiveEnrolmentInTransaction(trx, ctx, { leadId: lead.id, reason: "replied", actor: INBOUND_ACTOR, now });
  await updateReplyWaiting(trx, lead, EMAIL_IN, now);
  const owner = lead.ownerId ? await findUserById(trx, lead.ownerId) : undefined;
  if (owner?.isActive) {
    const detail = `They wrote back${parsed.mail.subject ? `: "${parsed.mail.subject}"` : ""}.${stopped ? " Their follow-up sequence stopped." : ""}`;
    const notice = { reason: `replied:${inboundId}`, recipients: [{ id: owner.id, email: owner.email }], lead, headline: "Reply waiting", detail, slaDueAt: null, slackWebhookUrl: null };
    await notifyPeople(trx, ctx, [notice], now);
  }
  return { enrolmentId: stopped?.id ?? match.sequenceMessage?.enrolmentId ?? null };
}

/** An out-of-office: `auto_replied`, and the active enrolment pauses until the stated return date, or for the workspace's default days. */
async function applyOutOfOffice({ trx, ctx, parsed, match, now }: InboundEffect): Promise<Applied> {
  const { lead } = match;
  const returnsAt = statedReturnAt(parsed.mail, now, await zoneOfLead(trx, lead));
  await appendEvents(trx, [{ leadId: lead.id, type: "auto_replied", actor: INBOUND_ACTOR, at: now, data: { isOutOfOffice: true, returnsAt } }]);
  const until = returnsAt ?? now + (await readSettings(trx)).outOfOfficeResumeDays * DAY_MS;
  const paused = await pauseLiveEnrolmentInTransaction(trx, ctx, { leadId: lead.id, reason: "out_of_office", until, actor: INBOUND_ACTOR, now });
  return { enrolmentId: paused?.id ?? match.sequenceMessage?.enrolmentId ?? null };
}

/** Any other automatic answer: recorded as `auto_replied`, nothing else changes. */
async function applyAutoReply({ trx, match, now }: InboundEffect): Promise<Applied> {
  await appendEvents(trx, [{ leadId: match.lead.id, type: "auto_replied", actor: INBOUND_ACTOR, at: now, data: { isOutOfOffice: false, returnsAt: null } }]);
  return { enrolmentId: match.sequenceMessage?.enrolmentId ?? null };
}

/**
 * A hard bounce: the address the returned sequence email went to (else the failed address the
 * report names: it may be where forwarding took the mail) is suppressed, and its leads'
 * sequences stop (`bounced`).
 */
async function applyBounce(effect: InboundEffect, bounce: Extract<InboundClassification, { kind: "bounce" }>["bounce"]): Promise<Applied> {
  const { trx, ctx, match, now } = effect;
  const address = match.sequenceMessage?.toAddress ?? bounce.recipient;
  // A bounce without an enhanced status code still failed for good: 5.0.0 is RFC 3463's "permanent, other".
  if (address) await recordBounceInTransaction(trx, ctx, { address, status: bounce.status ?? "5.0.0", diagnostic: bounce.diagnostic, actor: INBOUND_ACTOR, now });
  return { enrolmentId: match.sequenceMessage?.enrolmentId ?? null };
}

/** Applies a matched email per its kind, inside the caller's transaction. */
export function applyInboundMail(effect: InboundEffect, classification: InboundClassification): Promise<Applied> {
  switch (classification.kind) {
    case "reply":
      return applyReply(effect);
    case "out_of_office":
      return applyOutOfOffice(effect);
    case "auto_reply":
      return applyAutoReply(effect);
    case "bounce":
      return applyBounce(effect, classification.bounce);
  }
}
