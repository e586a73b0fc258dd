import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { readMailbox } from "../../../services/mailboxes/read-mailbox.js";
import { removeMailbox } from "../../../services/mailboxes/remove-mailbox.js";
import { saveMailbox } from "../../../services/mailboxes/save-mailbox.js";
import { sendTestEmail } from "../../../services/mailboxes/send-test-email.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { MailboxDto, MailboxUserParams, SaveMailboxBody, TestEmailBody, TestEmailResponse } from "./mailboxes.schemas.js";
import { presentMailbox } from "./present-mailbox.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];
const tags = ["users"];

/** A person's own mailbox, which their leads' sequence email goes out through: theirs to set, or any for admins and managers. */
export const mailboxRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get(
    "/api/v1/users/:userId/mailbox",
    { schema: { tags, summary: "A person's mailbox, passwords left out", description: "404 when none is set up.", security: SECURITY, params: MailboxUserParams, response: { 200: MailboxDto } } },
    async (request) => presentMailbox(await readMailbox(ctx, principalOf(request, "leads:work"), request.params.userId)),
  );

  app.put(
    "/api/v1/users/:userId/mailbox",
    {
      schema: {
        tags,
        summary: "Set up or change a person's mailbox",
        description: "Server URLs carry the password and are never returned. Appends `mailbox_saved` (without passwords).",
        security: SECURITY,
        params: MailboxUserParams,
        body: SaveMailboxBody,
        response: { 200: MailboxDto },
      },
    },
    async (request) => {
      const { fromName = null, imapUrl = null, ...rest } = request.body;
      return presentMailbox(await saveMailbox(ctx, principalOf(request, "leads:work"), request.params.userId, { ...rest, fromName, imapUrl }));
    },
  );

  app.delete(
    "/api/v1/users/:userId/mailbox",
    {
      schema: {
        tags,
        summary: "Remove a person's mailbox",
        description: "Their leads' sequences pause (no_mailbox) when their next email falls due.",
        security: SECURITY,
        params: MailboxUserParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await removeMailbox(ctx, principalOf(request, "leads:work"), request.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/v1/users/:userId/mailbox/test",
    {
      schema: {
        tags,
        summary: "Send a test email through the mailbox",
        description: "502 naming `smtpUrl` with the server's reply when it cannot be reached or refuses the login; 400 naming `to` when it refuses the recipient.",
        security: SECURITY,
        params: MailboxUserParams,
        body: TestEmailBody,
        response: { 200: TestEmailResponse },
      },
    },
    async (request) => sendTestEmail(ctx, principalOf(request, "leads:work"), request.params.userId, request.body.to),
  );
};
