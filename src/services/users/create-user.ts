import type { Role } from "../../domain/access/permission.js";
import { DomainError } from "../../domain/errors.js";
import type { Actor } from "../../domain/lead/lead-event.js";
import type { User } from "../../domain/users/user.js";
import { DEFAULT_USER_TIMEZONE, normalizeUserEmail, normalizeUserName, parseRole, parseTimezone } from "../../domain/users/user-input.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { findUserCredentialsByEmail, insertUsers } from "../../store/users.js";
import { isUniqueViolation } from "../../store/unique-violation.js";
import type { ServiceContext } from "../context.js";
import { hashAcceptablePassword } from "./password-rules.js";

/** A person to add. Without a password they exist (and can own leads) but cannot log in yet. */
export type NewUserInput = { email: string; name: string; role: Role | string; password?: string | undefined; timezone?: string | undefined };

/** A validated user with its password already hashed, ready to write inside a transaction. */
export type PreparedUser = { user: User; passwordHash: string | null };

function emailTaken(email: string): DomainError {
  return new DomainError("conflict", { field: "email", message: `email: ${email} already has an account` });
}

/** Validates the input and hashes the password (slow, so outside any transaction). */
export async function prepareUser(ctx: ServiceContext, input: NewUserInput): Promise<PreparedUser> {
  const email = normalizeUserEmail(input.email);
  const user: User = {
    id: ctx.ids("user"),
    email,
    name: normalizeUserName(input.name),
    role: parseRole(input.role),
    timezone: parseTimezone(input.timezone ?? DEFAULT_USER_TIMEZONE),
    isActive: true,
    createdAt: ctx.clock.now(),
  };
  if (await findUserCredentialsByEmail(ctx.db, email)) throw emailTaken(email);
  const passwordHash = input.password === undefined ? null : await hashAcceptablePassword(input.password);
  return { user, passwordHash };
}

/** Inserts a prepared user and appends `user_created`, inside the caller's transaction. */
export async function writeUser(trx: Executor, prepared: PreparedUser, actor: Actor): Promise<void> {
  const { user, passwordHash } = prepared;
  await insertUsers(trx, [prepared]);
  await appendEvents(trx, [
    { leadId: null, type: "user_created", actor, at: user.createdAt, data: { userId: user.id, email: user.email, name: user.name, role: user.role, hasPassword: passwordHash !== null } },
  ]);
}

/** Adds a person to the workspace; `conflict` on `email` when the address already has an account. */
export async function createUser(ctx: ServiceContext, input: NewUserInput, actor: Actor): Promise<User> {
  const prepared = await prepareUser(ctx, input);
  try {
    await ctx.db.transaction().execute((trx) => writeUser(trx, prepared, actor));
  } catch (error) {
    // Two concurrent adds of one email: the unique index decides, the loser gets the same conflict.
    if (isUniqueViolation(error)) throw emailTaken(prepared.user.email);
    throw error;
  }
  return prepared.user;
}
