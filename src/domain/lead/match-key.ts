/** An identity a lead is known by: `email:<address>` or `phone:<E.164>`. */
export type MatchKey = `email:${string}` | `phone:${string}`;

/** The match keys of normalised contact details; email first, since it identifies more reliably. */
export function matchKeysOf(email: string | null, phone: string | null): MatchKey[] {
  const keys: MatchKey[] = [];
  if (email) keys.push(`email:${email}`);
  if (phone) keys.push(`phone:${phone}`);
  return keys;
}
