import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import { DomainError } from "../../../domain/errors.js";
import { withVisitorToken } from "../../../domain/scoring/visitor-token.js";
import { submitForm } from "../../../services/forms/submit-form.js";
import type { AppDeps } from "../../app-deps.js";
import { problemOf } from "../../problem.js";
import { FormKeyParams, FormSubmissionBody } from "./forms.schemas.js";

/** A form post is a few fields; anything larger is not a person filling a form. */
const FORM_BODY_LIMIT_BYTES = 64 * 1024;

const THANK_YOU_PAGE = `<!doctype html><meta charset="utf-8"><title>Thank you</title>
<body style="font-family:system-ui;max-width:32rem;margin:4rem auto"><h1>Thank you</h1><p>We received your message and will be in touch shortly.</p></body>`;

/** Browsers post urlencoded forms and want a redirect; scripts post JSON and want JSON. */
function isBrowserPost(request: FastifyRequest): boolean {
  return (request.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded");
}

function errorPage(detail: string): string {
  const escaped = detail.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><meta charset="utf-8"><title>Please check the form</title>
<body style="font-family:system-ui;max-width:32rem;margin:4rem auto"><h1>Please check the form</h1><p>${escaped}</p><p><a href="javascript:history.back()">Go back</a></p></body>`;
}

/** The public form endpoint `/f/:formKey`: no credentials, a honeypot and a per-IP rate limit. */
export const publicFormRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx, config }) => {
  // Registered in this plugin's scope only: the limit applies to public form posts, not the API.
  await app.register(fastifyRateLimit, { global: false });

  app.post(
    "/f/:formKey",
    {
      bodyLimit: FORM_BODY_LIMIT_BYTES,
      // Public: a logged-in person previewing a form on our own site must not need a CSRF token.
      config: { rateLimit: { max: config.formRateLimitPerMinute, timeWindow: "1 minute" }, isCsrfExempt: true },
      schema: {
        tags: ["forms"],
        summary: "Submit a public capture form",
        description:
          "urlencoded posts are redirected (303) to the form's thank-you URL, with the lead's visitor token added as `cl_visitor` for the website activity snippet; JSON posts get 201 {ok:true, visitor: token}. Rate-limited per IP.",
        params: FormKeyParams,
        body: FormSubmissionBody,
      },
      errorHandler: (error, request, reply) => {
        if (!(error instanceof DomainError) || !isBrowserPost(request)) throw error;
        const problem = problemOf(error, request.id);
        return reply.status(problem.status).type("text/html").send(errorPage(problem.detail));
      },
    },
    async (request, reply) => {
      const { thankYouUrl, visitorToken } = await submitForm(ctx, request.params.formKey, request.body);
      if (!isBrowserPost(request)) return reply.status(201).send(visitorToken === null ? { ok: true } : { ok: true, visitor: visitorToken });
      // Only the website's own thank-you page gets the token: that is where the activity snippet runs.
      if (thankYouUrl === null) return reply.redirect(`/f/${encodeURIComponent(request.params.formKey)}/thanks`, 303);
      return reply.redirect(visitorToken === null ? thankYouUrl : withVisitorToken(thankYouUrl, visitorToken), 303);
    },
  );

  app.get("/f/:formKey/thanks", { schema: { hide: true, params: FormKeyParams } }, async (_request, reply) =>
    reply.type("text/html").send(THANK_YOU_PAGE),
  );
};
