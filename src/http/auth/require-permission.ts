import type { FastifyRequest } from "fastify";
import { hasPermission, type Permission, type Principal } from "../../domain/access/permission.js";
import { DomainError } from "../../domain/errors.js";

declare module "fastify" {
  // Declaration merging needs an interface: a type alias cannot extend Fastify's request.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyRequest {
    /** Who is calling, set by the auth plugin before any route runs; null when anonymous. */
    principal: Principal | null;
  }
}

/** A preHandler that answers 401 without credentials and 403 without the permission. */
export function requirePermission(permission: Permission) {
  return async function checkPermission(request: FastifyRequest): Promise<void> {
    principalOf(request, permission);
  };
}

/** The request's principal, after checking it holds `permission`. */
export function principalOf(request: FastifyRequest, permission: Permission): Principal {
  const principal = request.principal;
  if (!principal) throw new DomainError("unauthenticated", { message: "Log in, or send an API key as `Authorization: Bearer <key>`." });
  if (!hasPermission(principal, permission)) {
    throw new DomainError("forbidden", { message: `This needs the "${permission}" permission, which your role or key does not have.` });
  }
  return principal;
}
