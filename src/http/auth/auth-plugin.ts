import { timingSafeEqual } from "node:crypto";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { DomainError } from "../../domain/errors.js";
import type { User } from "../../domain/users/user.js";
import { authenticateApiKey, authenticateSession } from "../../services/auth/authenticate.js";
import type { AppDeps } from "../app-deps.js";
import { SESSION_COOKIE, setSessionCookie } from "./session-cookie.js";

// Module augmentation only merges into interfaces, so these two must stay interfaces.
declare module "fastify" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyRequest {
    /** The browser session the request came with, when a live session cookie authenticated it. */
    browserSession: BrowserSession | null;
  }
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyContextConfig {
    /**
     * The route never acts on the caller's session (login, setup, public forms), so a cookie
     * that happens to ride along needs no CSRF token there.
     */
    isCsrfExempt?: boolean;
  }
}

/** What routes may know about the session behind a request. */
export type BrowserSession = { token: string; csrfToken: string; user: User };

/** The header a browser must echo the session's CSRF token in on state-changing requests. */
export const CSRF_HEADER = "X-CSRF-Token";

const STATE_CHANGING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function bearerKeyOf(authorization: string): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw new DomainError("unauthenticated", { field: "Authorization", message: "Authorization: expected `Bearer <API key>`" });
  return match[1]!;
}

function isSameToken(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Cookies ride along on every request the browser makes, so writes must prove they came from our page. */
function checkCsrf(request: FastifyRequest, csrfToken: string): void {
  if (!STATE_CHANGING_METHODS.has(request.method) || request.routeOptions.config?.isCsrfExempt) return;
  const sent = request.headers["x-csrf-token"];
  if (typeof sent !== "string" || !isSameToken(sent, csrfToken)) {
    throw new DomainError("forbidden", { field: CSRF_HEADER, message: `${CSRF_HEADER}: send the session's CSRF token (from GET /api/v1/auth/session) with every change` });
  }
}

/**
 * Resolves who is calling before any route runs. `Authorization: Bearer <key>` wins and must be
 * valid (a bad key is a 401, never a silent fallback to anonymous); otherwise a live session
 * cookie makes a user principal; otherwise the request is anonymous and routes decide.
 */
const resolvePrincipal: FastifyPluginAsync<AppDeps> = async (app, { ctx, config }) => {
  app.decorateRequest("principal", null);
  app.decorateRequest("browserSession", null);
  app.addHook("onRequest", async (request, reply) => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      request.principal = await authenticateApiKey(ctx, bearerKeyOf(authorization));
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await authenticateSession(ctx, token, config.sessionTtlHours);
    if (!session) return;
    checkCsrf(request, session.csrfToken);
    request.principal = session.principal;
    request.browserSession = { token, csrfToken: session.csrfToken, user: session.user };
    if (session.isExtended) setSessionCookie(reply, token, session.expiresAt, config);
  });
};

/**
 * The auth plugin. `fastify-plugin` is not a dependency, so this sets the flag it would set:
 * `skip-override` stops Fastify from encapsulating the plugin, so its decorators and hook apply
 * to every route of the app, not just to routes registered inside it.
 */
export const authPlugin = Object.assign(resolvePrincipal, { [Symbol.for("skip-override")]: true });
