import fastifyCookie from "@fastify/cookie";
import fastifyFormbody from "@fastify/formbody";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import ajvFormats from "ajv-formats";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from "fastify";
import { DomainError } from "../domain/errors.js";
import type { AppDeps } from "./app-deps.js";
import { authPlugin } from "./auth/auth-plugin.js";
import { handleError, problemOf, sendProblem } from "./problem.js";
import { apiKeyRoutes } from "./routes/api-keys/api-keys.routes.js";
import { authRoutes } from "./routes/auth/auth.routes.js";
import { formRoutes } from "./routes/forms/forms.routes.js";
import { publicFormRoutes } from "./routes/forms/public-form.routes.js";
import { healthRoutes } from "./routes/health/health.routes.js";
import { leadWorkRoutes } from "./routes/lead-work/lead-work.routes.js";
import { leadRoutes } from "./routes/leads/leads.routes.js";
import { availabilityRoutes } from "./routes/availability/availability.routes.js";
import { routingPreviewRoutes } from "./routes/routing/routing-preview.routes.js";
import { routingRuleRoutes } from "./routes/routing/routing-rules.routes.js";
import { slaPolicyRoutes } from "./routes/sla-policies/sla-policies.routes.js";
import { settingsRoutes } from "./routes/settings/settings.routes.js";
import { userRoutes } from "./routes/users/users.routes.js";
import { webhookRoutes } from "./routes/webhooks/webhooks.routes.js";
import { workRoutes } from "./routes/work/work.routes.js";
import { leadObjectionRoutes } from "./routes/objections/lead-objections.routes.js";
import { objectionRoutes } from "./routes/objections/objections.routes.js";
import { proofAssetRoutes } from "./routes/objections/proof-assets.routes.js";
import { pipelineRoutes } from "./routes/pipeline/pipeline.routes.js";
import { leadStageRoutes } from "./routes/pipeline/lead-stage.routes.js";
import { campaignPromiseRoutes } from "./routes/pipeline/campaign-promises.routes.js";
import { attentionRoutes } from "./routes/attention/attention.routes.js";
import { pipelineBoardRoutes } from "./routes/pipeline-board/pipeline-board.routes.js";
import { pipelineViewRoutes } from "./routes/pipeline-view/pipeline-view.routes.js";
import { nextStepRoutes } from "./routes/next-steps/next-steps.routes.js";
import { qualificationRoutes } from "./routes/qualification/qualification.routes.js";
import { reportRoutes } from "./routes/reports/reports.routes.js";
import { meetingRoutes } from "./routes/meetings/meetings.routes.js";
import { schedulingWebhookRoutes } from "./routes/scheduling-webhooks/scheduling-webhooks.routes.js";
import { inboundMailRoutes } from "./routes/inbound-mail/inbound-mail.routes.js";
import { unsubscribeRoutes } from "./routes/unsubscribe/unsubscribe.routes.js";
import { sequenceRoutes } from "./routes/sequences/sequences.routes.js";
import { leadSequenceRoutes } from "./routes/lead-sequence/lead-sequence.routes.js";
import { sequenceTaskRoutes } from "./routes/sequence-tasks/sequence-tasks.routes.js";
import { suppressionRoutes } from "./routes/suppressions/suppressions.routes.js";
import { mailboxRoutes } from "./routes/mailboxes/mailboxes.routes.js";
import { scoringRoutes } from "./routes/scoring/scoring.routes.js";
import { playbookRoutes } from "./routes/playbooks/playbooks.routes.js";
import { scoringModelRoutes } from "./routes/scoring-model/scoring-model.routes.js";
import { leadActivityRoutes } from "./routes/lead-activity/lead-activity.routes.js";
import { webApp } from "./web-app.js";

/** Request bodies above this are refused with 413 (a 1,000-lead batch fits comfortably). */
const BODY_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * The longest path parameter, decoded, any route takes: a suppressed address (254). Beyond it the
 * router answers 414 before the schema sees the value (Fastify's default of 100 cut long addresses off).
 */
const MAX_PARAM_LENGTH = 254;

/**
 * What a request log line says of the request. Not its query string (the inbound endpoint's
 * `?secret=`) nor an unsubscribe link's token (`/u/<token>`): both are credentials.
 */
function requestLogOf(request: FastifyRequest) {
  const path = request.url.split("?")[0]!.replace(/^\/u\/.+/, "/u/[token]");
  return { method: request.method, url: path, host: request.host, remoteAddress: request.ip, remotePort: request.socket?.remotePort };
}

/** Builds the HTTP app. It never listens: `serve` does, and tests use `app.inject`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: (deps.ctx.log as FastifyBaseLogger).child({}, { serializers: { req: requestLogOf } }),
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    trustProxy: deps.config.trustProxy,
    ajv: {
      // Unknown fields are refused rather than silently dropped; query strings coerce to numbers.
      // Union `type` lists are allowed: unlike `anyOf`, they coerce only a value that matches no type.
      customOptions: { removeAdditional: false, coerceTypes: "array", useDefaults: true, allErrors: false, allowUnionTypes: true },
      plugins: [ajvFormats as never],
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  if (deps.onRoute) app.addHook("onRoute", deps.onRoute);

  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problemOf(new DomainError("not_found", { message: `No route ${request.method} ${request.url.split("?")[0]}` }), request.id)),
  );

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Closeloop API", version: "1", description: "Capture, route and convert leads. Errors are RFC 9457 problem+json naming the field." },
      components: {
        securitySchemes: {
          apiKey: { type: "http", scheme: "bearer", description: "API key: `Authorization: Bearer cl_…`" },
          session: { type: "apiKey", in: "cookie", name: "closeloop_session", description: "Browser session; state-changing requests also send `X-CSRF-Token`." },
        },
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await app.register(authPlugin, deps);
  await app.register(healthRoutes);
  await app.register(leadRoutes, deps);
  await app.register(leadWorkRoutes, deps);
  await app.register(leadObjectionRoutes, deps);
  await app.register(objectionRoutes, deps);
  await app.register(proofAssetRoutes, deps);
  await app.register(pipelineRoutes, deps);
  await app.register(leadStageRoutes, deps);
  await app.register(campaignPromiseRoutes, deps);
  await app.register(attentionRoutes, deps);
  await app.register(pipelineBoardRoutes, deps);
  await app.register(pipelineViewRoutes, deps);
  await app.register(nextStepRoutes, deps);
  await app.register(qualificationRoutes, deps);
  await app.register(reportRoutes, deps);
  await app.register(meetingRoutes, deps);
  await app.register(schedulingWebhookRoutes, deps);
  await app.register(inboundMailRoutes, deps);
  await app.register(sequenceRoutes, deps);
  await app.register(scoringRoutes, deps);
  await app.register(leadSequenceRoutes, deps);
  await app.register(sequenceTaskRoutes, deps);
  await app.register(suppressionRoutes, deps);
  await app.register(mailboxRoutes, deps);
  await app.register(playbookRoutes, deps);
  await app.register(scoringModelRoutes, deps);
  await app.register(formRoutes, deps);
  await app.register(publicFormRoutes, deps);
  await app.register(leadActivityRoutes, deps);
  await app.register(unsubscribeRoutes, deps);
  await app.register(authRoutes, deps);
  await app.register(userRoutes, deps);
  await app.register(apiKeyRoutes, deps);
  await app.register(settingsRoutes, deps);
  await app.register(routingRuleRoutes, deps);
  await app.register(routingPreviewRoutes, deps);
  await app.register(slaPolicyRoutes, deps);
  await app.register(availabilityRoutes, deps);
  await app.register(webhookRoutes, deps);
  await app.register(workRoutes, deps);
  // Last, so its `/*` fallback for client-side routes sits behind every API route.
  await app.register(webApp, { webDir: deps.webDir });
  return app;
}
