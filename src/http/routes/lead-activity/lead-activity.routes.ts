import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import { actorOf } from "../../../domain/access/permission.js";
import { DomainError } from "../../../domain/errors.js";
import { ACTIVITY_SNIPPET_PATH, activitySnippetJs } from "../../../domain/scoring/activity-snippet.js";
import { recordActivity } from "../../../services/scoring/record-activity.js";
import { isVisitorTokenFor, VISITOR_ACTOR } from "../../../services/scoring/visitor-tokens.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { msOrUndefined } from "../../instants.js";
import { LeadIdParams } from "../leads/leads.schemas.js";
import { ActivityAccepted, ActivityBody } from "./lead-activity.schemas.js";

/** A page view is a URL, a title and a token; anything larger is not the snippet. */
const ACTIVITY_BODY_LIMIT_BYTES = 16 * 1024;

/**
 * Visitor posts per IP per minute: someone reading fast sends a few; an office or a school behind
 * one address sends more, and a script flooding one lead's score is cut off.
 */
const VISITOR_POSTS_PER_MINUTE = 120;

/** The snippet changes only with a release or PUBLIC_URL: browsers and CDNs may keep it an hour. */
const SNIPPET_CACHE_CONTROL = "public, max-age=3600";

/**
 * Website and content activity: `POST /api/v1/leads/{id}/activity` and the snippet that sends it,
 * `GET /activity.js`. A caller with `leads:capture` records activity for any lead; a website
 * visitor's browser, with no credentials, for the lead its visitor token names.
 */
export const leadActivityRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx, config }) => {
  // Both registered in this plugin's scope only. The snippet posts `text/plain` (a CORS-safelisted
  // type, so no preflight) holding JSON; only this route reads such a body, with the JSON parser
  // every other route uses (same prototype-poisoning checks, same 400 for broken JSON).
  await app.register(fastifyRateLimit, { global: false });
  app.addContentTypeParser("text/plain", { parseAs: "string" }, app.getDefaultJsonParser("error", "error"));

  /** Who records it: a principal holding `leads:capture`, or, with no credentials, the visitor the token names. */
  async function actorFor(request: FastifyRequest, leadId: string, token: string | undefined): Promise<string> {
    if (request.principal !== null || token === undefined) return actorOf(principalOf(request, "leads:capture"));
    if (await isVisitorTokenFor(ctx, token, leadId)) return VISITOR_ACTOR;
    throw new DomainError("forbidden", { field: "token", message: "token: not a visitor token of this lead" });
  }

  app.post(
    "/api/v1/leads/:id/activity",
    {
      bodyLimit: ACTIVITY_BODY_LIMIT_BYTES,
      // Callers with credentials answer for themselves; the limit is on anonymous visitors' IPs.
      config: { rateLimit: { max: VISITOR_POSTS_PER_MINUTE, timeWindow: "1 minute", allowList: (request) => request.principal !== null } },
      schema: {
        tags: ["leads"],
        summary: "Record a page view or content engagement",
        description:
          "With `leads:capture`, or with no credentials and the lead's visitor token in `token` (403 for another lead's). The body may be sent as `text/plain` holding JSON, as the website snippet (`GET /activity.js`) does. Schedules the lead's rescoring. Visitor posts are rate-limited per IP.",
        security: [{ session: [] }, { apiKey: [] }, {}],
        params: LeadIdParams,
        body: ActivityBody,
        response: { 202: ActivityAccepted },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { kind, url, title = null, at, token } = request.body;
      const actor = await actorFor(request, id, token);
      await recordActivity(ctx, { leadId: id, kind, url, title, at: msOrUndefined(at, "at") }, actor);
      return reply.status(202).send({ accepted: true });
    },
  );

  const snippet = activitySnippetJs(config.publicUrl);
  app.get(
    ACTIVITY_SNIPPET_PATH,
    { schema: { tags: ["leads"], summary: "The website activity snippet (JavaScript)", description: "Load it on every page of the website with `<script src=\"PUBLIC_URL/activity.js\" async></script>`." } },
    async (_request, reply) => reply.type("text/javascript; charset=utf-8").header("cache-control", SNIPPET_CACHE_CONTROL).send(snippet),
  );
};
