import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { INBOUND_SECRET_HEADER, receiveForwardedMail } from "../../../services/inbound-mail/receive-forwarded-mail.js";
import type { AppDeps } from "../../app-deps.js";
import { InboundMailQuery, InboundReceiptDto } from "./inbound-mail.schemas.js";

/** Forwarded emails carry their attachments; 10 MB covers what providers forward whole. */
const INBOUND_MAIL_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

/** How providers label a raw email: as a message, as text, or as plain bytes. */
const RAW_MAIL_CONTENT_TYPES = ["message/rfc822", "text/plain", "application/octet-stream"];

/**
 * The inbound email endpoint for mail providers that forward received mail by webhook (the
 * raw MIME message as the body). Public (no session or key, so no CSRF either): the workspace's
 * inbound email secret is the credential. This plugin's parsers keep the body as the bytes that
 * arrived; other content types get 415.
 */
export const inboundMailRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  // Encapsulated: only this plugin's route takes raw mail; every other route keeps the default parsers.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(RAW_MAIL_CONTENT_TYPES, { parseAs: "buffer" }, (_request, body, done) => done(null, body));

  app.post(
    "/api/v1/inbound/email",
    {
      bodyLimit: INBOUND_MAIL_BODY_LIMIT_BYTES,
      config: { isCsrfExempt: true },
      schema: {
        tags: ["sequences"],
        summary: "Receive a forwarded email (raw MIME)",
        description: `The body is the email as received (\`message/rfc822\`, \`text/plain\` or \`application/octet-stream\`, at most 10 MB). Send the workspace's inbound email secret in \`${INBOUND_SECRET_HEADER}\` or \`?secret=\` (403 while no secret is set, 401 when it differs; nothing changes). A reply from a lead stops their sequence, an out-of-office pauses it, a bounce suppresses the address. Idempotent by Message-ID.`,
        querystring: InboundMailQuery,
        response: { 202: InboundReceiptDto },
      },
    },
    async (request, reply) => {
      const header = request.headers[INBOUND_SECRET_HEADER.toLowerCase()];
      const secret = typeof header === "string" ? header : request.query.secret;
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return reply.status(202).send(await receiveForwardedMail(ctx, { raw, secret }));
    },
  );
};
