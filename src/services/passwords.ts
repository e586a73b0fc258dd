import { hash, verify } from "@node-rs/argon2";

/** Shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10;

/** argon2id hash (the library's defaults: 19 MiB memory, 2 passes, as OWASP recommends). */
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Whether the password matches the stored hash; a malformed hash is a mismatch. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
