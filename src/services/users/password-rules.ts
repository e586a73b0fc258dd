import { invalidField } from "../../domain/errors.js";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../passwords.js";

/** Longest password accepted: argon2 takes any length, but hashing megabytes is a denial of service. */
export const MAX_PASSWORD_LENGTH = 200;

/** Hashes a password after checking its length; `invalid` naming `field` otherwise. */
export async function hashAcceptablePassword(password: string, field = "password"): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH) throw invalidField(field, `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) throw invalidField(field, `must be at most ${MAX_PASSWORD_LENGTH} characters`);
  return hashPassword(password);
}
