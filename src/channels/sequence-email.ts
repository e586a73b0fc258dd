import { SequenceEmailPayload } from "../domain/notifications/notification-payloads.js";
import type { ServiceContext } from "../services/context.js";
import { prepareSequenceSend, type SendPlan } from "../services/sequence-sending/prepare-sequence-send.js";
import { settleSequenceSend, settleSequenceSendInTransaction } from "../services/sequence-sending/settle-sequence-send.js";
import { type Channel, type DeliveryResult, failedDelivery } from "./channel.js";
import { replyCodeOf } from "./email.js";
import { fromHeaderOf, mailboxTransport } from "./mailbox-transport.js";

export type SequenceEmailChannelOptions = {
  /** PUBLIC_URL: where the unsubscribe links point. */
  publicUrl: string;
};

type Sendable = Extract<SendPlan, { kind: "send" }>;

/** Mail servers that greylist answer 4xx for minutes: back off from a minute to an hour, for about a day. */
const SEQUENCE_EMAIL_RETRY = { maxAttempts: 10, backoffBaseMs: 60_000, backoffMaxMs: 3_600_000 };

/** The message as the owner's mailbox sends it: threaded on follow-ups, with RFC 8058 one-click unsubscribe. */
function mailOf({ message, mailbox, references, unsubscribeUrl }: Sendable) {
  return {
    from: fromHeaderOf(mailbox),
    to: message.toAddress,
    subject: message.subject,
    text: message.bodyText,
    messageId: message.messageId,
    ...(message.inReplyTo ? { inReplyTo: message.inReplyTo, references: references.length > 0 ? references : [message.inReplyTo] } : {}),
    headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

/**
 * Sequence emails through the lead owner's own mailbox (pooled SMTP). At the moment of sending it
 * re-checks the enrolment, opt-out, suppression list and send window (`prepareSequenceSend`): a
 * message that may not go is settled suppressed (the outbox message is done), one past its window
 * waits for the next opening without counting an attempt. A 5xx refusal settles the message as
 * failed (a "no such user" one as a hard bounce) and is permanent; timeouts and 4xx are retried
 * with the same Message-ID, and when the last attempt fails too the message is settled failed.
 */
export function createSequenceEmailChannel(ctx: ServiceContext, options: SequenceEmailChannelOptions): Channel<typeof SequenceEmailPayload> {
  return {
    name: "sequence-email",
    payloadSchema: SequenceEmailPayload,
    retry: SEQUENCE_EMAIL_RETRY,
    async deliver(outgoing): Promise<DeliveryResult> {
      const plan = await prepareSequenceSend(ctx, outgoing.payload.sequenceMessageId, options.publicUrl, ctx.clock.now());
      if (plan.kind === "settled") return { isDelivered: true, statusCode: null };
      if (plan.kind === "deferred") return { isDelivered: false, deferredUntil: plan.until, reason: plan.reason };
      let info: { response?: string };
      try {
        info = await mailboxTransport(plan.mailbox).sendMail(mailOf(plan));
      } catch (error) {
        const failure = error as Error & { response?: string; responseCode?: number };
        const statusCode = replyCodeOf(failure);
        const reason = failure.response ?? failure.message;
        const isPermanent = statusCode !== null && statusCode >= 500;
        // The last attempt failing is as final as a refusal: the message failed, not queued for ever.
        if (isPermanent || outgoing.attempt >= SEQUENCE_EMAIL_RETRY.maxAttempts) await settleSequenceSend(ctx, plan.message, { status: "failed", reason, statusCode }, ctx.clock.now());
        return failedDelivery(reason, { statusCode, isPermanent });
      }
      // Recorded with the worker's record of the delivery, in one commit: accepted means sent.
      const sentAt = ctx.clock.now();
      return { isDelivered: true, statusCode: replyCodeOf(info), recordInTransaction: (trx) => settleSequenceSendInTransaction(trx, ctx, plan.message, { status: "sent" }, sentAt) };
    },
  };
}
