import type { FastifyReply } from "fastify";
import type { Config } from "../../config.js";

/** The cookie holding the browser session token. */
export const SESSION_COOKIE = "closeloop_session";

function cookieOptions(config: Config) {
  // HttpOnly: scripts (and so XSS) cannot read it. SameSite=Lax: other sites' POSTs do not carry it.
  return { httpOnly: true, sameSite: "lax", path: "/", secure: config.isSecureCookies } as const;
}

/** Sets (or refreshes) the session cookie until the session expires. */
export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: number, config: Config): void {
  reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(config), expires: new Date(expiresAt) });
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(config));
}
