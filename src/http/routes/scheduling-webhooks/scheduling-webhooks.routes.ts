import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { BookingProvider } from "../../../domain/meetings/booking-notice.js";
import { CALCOM_SIGNATURE_HEADER, CALENDLY_SIGNATURE_HEADER } from "../../../domain/meetings/booking-signatures.js";
import { receiveBookingNotice } from "../../../services/meetings/receive-booking-notice.js";
import type { AppDeps } from "../../app-deps.js";
import { BookingReceiptDto } from "./scheduling-webhooks.schemas.js";

/** Booking webhooks are a few kilobytes; far more is not Cal.com or Calendly. */
const WEBHOOK_BODY_LIMIT_BYTES = 256 * 1024;

const ROUTES: { provider: BookingProvider; url: string; header: string; name: string }[] = [
  { provider: "calcom", url: "/api/v1/webhooks/calcom", header: CALCOM_SIGNATURE_HEADER, name: "Cal.com" },
  { provider: "calendly", url: "/api/v1/webhooks/calendly", header: CALENDLY_SIGNATURE_HEADER, name: "Calendly" },
];

/**
 * Cal.com and Calendly booking webhooks. Public (no session or key, so no CSRF either): the
 * provider's signature over the raw body is the credential. This plugin's JSON parser keeps the
 * body as the bytes that arrived, since re-serialised JSON would not match the signature; the
 * service verifies them before parsing.
 */
export const schedulingWebhookRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  // Encapsulated: only routes in this plugin get raw bodies; every other route keeps the default JSON parser.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, body, done) => done(null, body));

  for (const { provider, url, header, name } of ROUTES) {
    app.post(
      url,
      {
        bodyLimit: WEBHOOK_BODY_LIMIT_BYTES,
        config: { isCsrfExempt: true },
        schema: {
          tags: ["scheduling"],
          summary: `Receive a ${name} booking webhook`,
          description: `Signed with the workspace's ${name} secret in \`${header}\` (401 and nothing changes otherwise). Matched to the lead by the attendee's email; 202 {matched:false} when nothing matches. Idempotent by booking id.`,
          response: { 200: BookingReceiptDto, 202: BookingReceiptDto },
        },
      },
      async (request: FastifyRequest, reply: FastifyReply) => {
        const signature = request.headers[header.toLowerCase()];
        const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const receipt = await receiveBookingNotice(ctx, { provider, rawBody, signature: typeof signature === "string" ? signature : undefined });
        return reply.status(receipt.matched ? 200 : 202).send(receipt);
      },
    );
  }
};
