import { DomainError } from "../../domain/errors.js";
import { type BookingDelivery, type BookingProvider, parseJsonBody } from "../../domain/meetings/booking-notice.js";
import { CALCOM_SIGNATURE_HEADER, CALENDLY_SIGNATURE_HEADER, isValidCalcomSignature, isValidCalendlySignature } from "../../domain/meetings/booking-signatures.js";
import { parseCalcomDelivery } from "../../domain/meetings/calcom-notice.js";
import { parseCalendlyDelivery } from "../../domain/meetings/calendly-notice.js";
import { readSettings } from "../../store/settings.js";
import { isUniqueViolation } from "../../store/unique-violation.js";
import type { ServiceContext } from "../context.js";
import { applyBookingNotice, type BookingReceipt } from "./apply-booking-notice.js";

/** A webhook delivery exactly as it arrived: the raw body bytes the signature covers, and the signature header. */
export type BookingDeliveryRequest = { provider: BookingProvider; rawBody: Uint8Array; signature: string | undefined };

const PARSERS: Record<BookingProvider, (body: unknown) => BookingDelivery> = { calcom: parseCalcomDelivery, calendly: parseCalendlyDelivery };

const SIGNATURE_HEADERS: Record<BookingProvider, string> = { calcom: CALCOM_SIGNATURE_HEADER, calendly: CALENDLY_SIGNATURE_HEADER };

/**
 * Checks the delivery's signature with the workspace's secret for that provider. Without a
 * secret nothing can be verified, so every delivery is refused (the log says why; the caller
 * is told only that the signature did not verify).
 */
async function checkSignature(ctx: ServiceContext, request: BookingDeliveryRequest): Promise<void> {
  const settings = await readSettings(ctx.db);
  const secret = request.provider === "calcom" ? settings.calcomWebhookSecret : settings.calendlyWebhookSigningKey;
  const isValid =
    secret !== null &&
    (request.provider === "calcom"
      ? isValidCalcomSignature(request.rawBody, request.signature, secret)
      : isValidCalendlySignature(request.rawBody, request.signature, secret, ctx.clock.now()));
  if (isValid) return;
  if (secret === null) ctx.log.warn({ provider: request.provider }, "booking webhook refused: no secret is configured in the workspace settings");
  const header = SIGNATURE_HEADERS[request.provider];
  throw new DomainError("unauthenticated", { field: header, message: `${header}: missing, stale or not signed with this workspace's secret` });
}

/**
 * Receives a Cal.com or Calendly webhook: the signature is checked before anything is read or
 * written (`unauthenticated` otherwise), then the body is parsed (`invalid` naming the field)
 * and applied to the lead the attendee's email matches. Actor: the provider.
 */
export async function receiveBookingNotice(ctx: ServiceContext, request: BookingDeliveryRequest): Promise<BookingReceipt> {
  await checkSignature(ctx, request);
  const delivery = PARSERS[request.provider](parseJsonBody(request.rawBody));
  if ("ignoredBecause" in delivery) return { matched: false, ignoredBecause: delivery.ignoredBecause };
  try {
    return await applyBookingNotice(ctx, delivery.notice);
  } catch (error) {
    // Two deliveries of one new booking raced and the other inserted it first: this one now finds it.
    if (!isUniqueViolation(error)) throw error;
    return applyBookingNotice(ctx, delivery.notice);
  }
}
