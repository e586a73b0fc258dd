import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { DomainError } from "../../../domain/errors.js";
import { logIn } from "../../../services/auth/log-in.js";
import { logOut } from "../../../services/auth/log-out.js";
import { completeSetup } from "../../../services/setup/complete-setup.js";
import type { AppDeps } from "../../app-deps.js";
import { clearSessionCookie, setSessionCookie } from "../../auth/session-cookie.js";
import { LoginBody, SessionResponse, SetupBody } from "./auth.schemas.js";
import { presentSession } from "./present-session.js";

/** Login and setup attempts per IP per minute: plenty for a person, useless for guessing passwords. */
export const LOGIN_ATTEMPTS_PER_MINUTE = 10;

const PUBLIC: Record<string, string[]>[] = [];
const SESSION: Record<string, string[]>[] = [{ session: [] }];

/** Browser sessions: `/api/v1/auth/*`. */
export const authRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx, config }) => {
  // Scoped to this plugin and enabled per route: only login and setup are limited.
  await app.register(fastifyRateLimit, { global: false });
  const attemptsLimited = { isCsrfExempt: true, rateLimit: { max: LOGIN_ATTEMPTS_PER_MINUTE, timeWindow: "1 minute" } };

  app.post(
    "/api/v1/auth/login",
    {
      config: attemptsLimited,
      schema: {
        tags: ["auth"],
        summary: "Log in with email and password",
        description: `Sets the session cookie. Wrong email or password: 401 (one message for both). ${LOGIN_ATTEMPTS_PER_MINUTE} attempts per minute per IP, then 429.`,
        security: PUBLIC,
        body: LoginBody,
        response: { 200: SessionResponse },
      },
    },
    async (request, reply) => {
      const { user, session } = await logIn(ctx, request.body, config.sessionTtlHours);
      setSessionCookie(reply, session.token, session.expiresAt, config);
      return presentSession(user, session.csrfToken);
    },
  );

  app.post(
    "/api/v1/auth/logout",
    { schema: { tags: ["auth"], summary: "Log out (end this browser session)", security: SESSION, response: { 204: Type.Null() } } },
    async (request, reply) => {
      if (request.browserSession) await logOut(ctx, request.browserSession.token);
      clearSessionCookie(reply, config);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/auth/session",
    { schema: { tags: ["auth"], summary: "Who is logged in, and the CSRF token for changes", security: SESSION, response: { 200: SessionResponse } } },
    async (request) => {
      const session = request.browserSession;
      if (!session) throw new DomainError("unauthenticated", { message: "No browser session: log in first." });
      return presentSession(session.user, session.csrfToken);
    },
  );

  app.post(
    "/api/v1/auth/setup",
    {
      config: attemptsLimited,
      schema: {
        tags: ["auth"],
        summary: "Create the first admin with the one-time setup token",
        description: "Works once, while the workspace has no users. Logs the new admin in.",
        security: PUBLIC,
        body: SetupBody,
        response: { 201: SessionResponse },
      },
    },
    async (request, reply) => {
      const { user, session } = await completeSetup(ctx, request.body, config.sessionTtlHours);
      setSessionCookie(reply, session.token, session.expiresAt, config);
      return reply.status(201).send(presentSession(user, session.csrfToken));
    },
  );
};
