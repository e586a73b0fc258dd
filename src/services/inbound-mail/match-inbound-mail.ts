import type { SequenceMessage } from "../../domain/sequences/sequence-output.js";
import type { InboundClassification } from "../../domain/inbound-mail/inbound-mail.js";
import type { Lead } from "../../domain/lead/lead.js";
import { matchKeysOf } from "../../domain/lead/match-key.js";
import type { Executor } from "../../store/engine.js";
import { findLeadById, findLeadIdsByMatchKeys } from "../../store/leads.js";
import { findSequenceMessageByMessageIds } from "../../store/sequence-messages.js";
import { isTeamAddress } from "../../store/team-addresses.js";
import type { ParsedInboundMail } from "./parse-inbound-mail.js";

/** The lead an inbound email concerns, and the sequence email it answers or returns when it names one. */
export type InboundMatch = { lead: Lead; sequenceMessage: SequenceMessage | undefined };

/** The lead whose match key this address is: its email, or one merged into it from a duplicate. */
async function leadOfAddress(trx: Executor, address: string | null): Promise<Lead | undefined> {
  if (!address) return undefined;
  const [key] = matchKeysOf(address.trim().toLowerCase(), null);
  const leadId = (await findLeadIdsByMatchKeys(trx, [key!])).get(key!);
  return leadId === undefined ? undefined : findLeadById(trx, leadId);
}

/**
 * Finds the lead: by the sequence email the message threads to (In-Reply-To, then References
 * newest first; for a bounce, first the Message-ID of the returned message), else by address
 * (the sender's; for a bounce, the failed recipient's). Undefined: nobody we know — or mail the
 * team wrote itself (an owner's answer copied to their own inbox threads to the lead too, but
 * is no reply from the lead).
 */
export async function matchInboundMail(trx: Executor, parsed: ParsedInboundMail, classification: InboundClassification): Promise<InboundMatch | undefined> {
  const isBounce = classification.kind === "bounce";
  const sender = parsed.mail.fromAddress;
  if (!isBounce && sender && (await isTeamAddress(trx, sender))) return undefined;
  const originalId = isBounce ? classification.bounce.originalMessageId : null;
  const sequenceMessage = await findSequenceMessageByMessageIds(trx, [...(originalId ? [originalId] : []), ...parsed.threadIds]);
  const lead = sequenceMessage
    ? await findLeadById(trx, sequenceMessage.leadId)
    : await leadOfAddress(trx, isBounce ? classification.bounce.recipient : sender);
  return lead && { lead, sequenceMessage };
}
