import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../../../domain/errors.js";
import { readUnsubscribeLink, unsubscribeByLink } from "../../../services/unsubscribe/unsubscribe-by-link.js";
import type { AppDeps } from "../../app-deps.js";
import { confirmPage, donePage, invalidLinkPage } from "./unsubscribe-pages.js";
import { UnsubscribeBody, UnsubscribeParams } from "./unsubscribe.schemas.js";

/** A one-click body is one short field; a multipart one is read whole, so it is kept small. */
const MULTIPART_BODY_LIMIT_BYTES = 16 * 1024;

/** The text fields of a `multipart/form-data` body (RFC 7578), by name; files are not expected here. */
function multipartFields(body: string, contentType: string | undefined): Record<string, string> {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType ?? "")?.[1];
  const fields: Record<string, string> = {};
  if (!boundary) return fields;
  for (const part of body.split(`--${boundary}`)) {
    const [head = "", ...value] = part.split(/\r?\n\r?\n/);
    const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(head)?.[1];
    if (name !== undefined) fields[name] = value.join("\r\n\r\n").replace(/\r?\n$/, "");
  }
  return fields;
}

/** A bad token or a malformed request gets the plain 400 page a person can read, not problem+json. */
function sendInvalidLink(error: FastifyError | DomainError, _request: FastifyRequest, reply: FastifyReply) {
  if (!(error instanceof DomainError) && error.validation === undefined) throw error;
  return reply.status(400).type("text/html; charset=utf-8").send(invalidLinkPage());
}

/**
 * The unsubscribe link in every sequence email (`List-Unsubscribe: <PUBLIC_URL/u/TOKEN>`): public,
 * no login. GET shows a page with a confirm button; POST unsubscribes, from that button or from a
 * mail client's RFC 8058 one-click request.
 */
export const unsubscribeRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  // Encapsulated: RFC 8058 allows the one-click body as multipart/form-data too; only these routes read it.
  app.addContentTypeParser("multipart/form-data", { parseAs: "string", bodyLimit: MULTIPART_BODY_LIMIT_BYTES }, (request, body, done) =>
    done(null, multipartFields(body as string, request.headers["content-type"])),
  );

  app.get(
    "/u/*",
    { schema: { tags: ["unsubscribe"], summary: "Unsubscribe page (HTML)", params: UnsubscribeParams }, errorHandler: sendInvalidLink },
    async (request, reply) => {
      const { address } = await readUnsubscribeLink(ctx, request.params["*"]);
      return reply.type("text/html; charset=utf-8").header("cache-control", "no-store").send(confirmPage(address, request.params["*"]));
    },
  );

  app.post(
    "/u/*",
    {
      // Mail clients and people with a session cookie of ours alike: the signed token is the credential.
      config: { isCsrfExempt: true },
      schema: {
        tags: ["unsubscribe"],
        summary: "Unsubscribe (RFC 8058 one-click)",
        description: "Body `List-Unsubscribe=One-Click` (urlencoded or multipart/form-data). Permanent: the address is suppressed and every sequence to it stops.",
        params: UnsubscribeParams,
        body: UnsubscribeBody,
      },
      errorHandler: sendInvalidLink,
    },
    async (request, reply) => {
      const { address } = await unsubscribeByLink(ctx, request.params["*"], request.body.via === "page" ? "page" : "one_click");
      return reply.type("text/html; charset=utf-8").send(donePage(address));
    },
  );
};
