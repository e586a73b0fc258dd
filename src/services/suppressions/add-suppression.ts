import { actorOf, type Principal } from "../../domain/access/permission.js";
import { DomainError, invalidField } from "../../domain/errors.js";
import { normalizeUserEmail } from "../../domain/users/user-input.js";
import { appendEvents } from "../../store/events.js";
import { insertSuppression, type Suppression } from "../../store/suppressions.js";
import type { ServiceContext } from "../context.js";
import { checkManagesSequences } from "../sequences/sequence-access.js";

export type NewSuppression = { value: string; kind: Suppression["kind"]; note: string | null };

/** A host name of dot-separated labels ending in a top-level domain: `example.com`. */
const DOMAIN_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}$/;

/** How long a note on an entry may be. */
const NOTE_MAX_LENGTH = 500;

/** The value as the list keeps it: a lower-cased address, or a lower-cased domain without `@`. */
function normalizeSuppressionValue(raw: string, kind: Suppression["kind"]): string {
  if (kind === "address") return normalizeUserEmail(raw, "value");
  const domain = raw.trim().toLowerCase().replace(/^@/, "");
  if (!DOMAIN_PATTERN.test(domain)) throw invalidField("value", "must be a domain such as example.com");
  return domain;
}

/**
 * Puts an address or a whole domain on the suppression list by hand; every send checks it at
 * the moment of sending. `suppression_added`; an entry already there is a `conflict` on `value`.
 */
export async function addSuppression(ctx: ServiceContext, principal: Principal, input: NewSuppression): Promise<Suppression> {
  checkManagesSequences(principal);
  const note = input.note?.trim() || null;
  if (note !== null && note.length > NOTE_MAX_LENGTH) throw invalidField("note", `must be at most ${NOTE_MAX_LENGTH} characters`);
  const entry: Suppression = { value: normalizeSuppressionValue(input.value, input.kind), kind: input.kind, reason: "manual", leadId: null, note, createdBy: actorOf(principal), createdAt: ctx.clock.now() };
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await insertSuppression(trx, entry))) throw new DomainError("conflict", { field: "value", message: `value: ${entry.value} is already on the suppression list` });
    const data = { value: entry.value, kind: entry.kind, reason: entry.reason, note };
    await appendEvents(trx, [{ leadId: null, type: "suppression_added", actor: entry.createdBy, at: entry.createdAt, data }]);
    return entry;
  });
}
