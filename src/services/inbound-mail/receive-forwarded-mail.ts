import { createHash, timingSafeEqual } from "node:crypto";
import { DomainError } from "../../domain/errors.js";
import { readSettings } from "../../store/settings.js";
import type { ServiceContext } from "../context.js";
import { type InboundReceipt, receiveInboundMail } from "./receive-inbound-mail.js";

/** The header a mail provider sends the workspace's inbound email secret in (or `?secret=`). */
export const INBOUND_SECRET_HEADER = "X-Inbound-Secret";

/** Compares digests, so neither the secret's length nor its content leaks through timing. */
function isSameSecret(sent: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(sent), digest(expected));
}

/**
 * Receives an email a mail provider forwarded to the inbound endpoint, after checking the
 * secret it came with against the workspace's: no secret configured → `forbidden` (forwarded
 * mail is off); a missing or different one → `unauthenticated`. Nothing is read before that.
 */
export async function receiveForwardedMail(ctx: ServiceContext, request: { raw: Buffer; secret: string | undefined }): Promise<InboundReceipt> {
  const { inboundEmailSecret } = await readSettings(ctx.db);
  if (inboundEmailSecret === null) {
    throw new DomainError("forbidden", { field: INBOUND_SECRET_HEADER, message: "Forwarded mail is off: set an inbound email secret in the workspace settings first" });
  }
  if (request.secret === undefined || !isSameSecret(request.secret, inboundEmailSecret)) {
    throw new DomainError("unauthenticated", { field: INBOUND_SECRET_HEADER, message: `${INBOUND_SECRET_HEADER}: missing or not this workspace's inbound email secret` });
  }
  return receiveInboundMail(ctx, { raw: request.raw, via: "webhook", mailboxUserId: null });
}
