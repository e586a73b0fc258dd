import { DomainError } from "../../domain/errors.js";
import type { Actor } from "../../domain/lead/lead-event.js";
import { CATALOG_NAME_MAX_LENGTH, normalizeCatalogText } from "../../domain/objections/catalog-text.js";
import type { Objection, ObjectionCategory } from "../../domain/objections/objection.js";
import { appendEvents } from "../../store/events.js";
import { findObjection, saveObjection } from "../../store/objections.js";
import type { ServiceContext } from "../context.js";
import { catalogChanged } from "./catalog-event.js";

export type ObjectionChanges = { name?: string | undefined; category?: ObjectionCategory | undefined; isActive?: boolean | undefined };

/**
 * Renames, recategorises, retires or revives an objection. Retiring keeps its logs and win rates:
 * history stays measurable, reps just stop being offered it.
 */
export async function changeObjection(ctx: ServiceContext, id: string, changes: ObjectionChanges, actor: Actor): Promise<Objection> {
  const name = changes.name === undefined ? undefined : normalizeCatalogText(changes.name, "name", CATALOG_NAME_MAX_LENGTH);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findObjection(trx, id);
    if (!before) throw new DomainError("not_found", { field: "id", message: `id: no objection ${id}` });
    const after: Objection = { ...before, name: name ?? before.name, category: changes.category ?? before.category, isActive: changes.isActive ?? before.isActive };
    const now = ctx.clock.now();
    await saveObjection(trx, after, now);
    await appendEvents(trx, [catalogChanged(actor, now, "objection_changed", { objectionId: id, name: after.name, category: after.category, isActive: after.isActive })]);
    return after;
  });
}
