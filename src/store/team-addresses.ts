import type { Executor } from "./engine.js";

/** Whether the team writes from this address: a user's email or a mailbox's From address (case-insensitive). */
export async function isTeamAddress(db: Executor, address: string): Promise<boolean> {
  const lower = address.trim().toLowerCase();
  const user = await db.selectFrom("users").select("id").where((eb) => eb(eb.fn("lower", ["email"]), "=", lower)).executeTakeFirst();
  if (user) return true;
  const mailbox = await db.selectFrom("mailboxes").select("user_id").where((eb) => eb(eb.fn("lower", ["from_address"]), "=", lower)).executeTakeFirst();
  return mailbox !== undefined;
}
