import type { Actor } from "../../domain/lead/lead-event.js";
import { CATALOG_NAME_MAX_LENGTH, normalizeCatalogText } from "../../domain/objections/catalog-text.js";
import type { Objection, ObjectionCategory } from "../../domain/objections/objection.js";
import { appendEvents } from "../../store/events.js";
import { saveObjection } from "../../store/objections.js";
import type { ServiceContext } from "../context.js";
import { catalogChanged } from "./catalog-event.js";

export type NewObjection = { name: string; category: ObjectionCategory };

/** Adds an objection to the catalog (active) and appends `objection_catalog_changed`. */
export async function createObjection(ctx: ServiceContext, input: NewObjection, actor: Actor): Promise<Objection> {
  const now = ctx.clock.now();
  const objection: Objection = { id: ctx.ids("objection"), name: normalizeCatalogText(input.name, "name", CATALOG_NAME_MAX_LENGTH), category: input.category, isActive: true, createdAt: now };
  await ctx.db.transaction().execute(async (trx) => {
    await saveObjection(trx, objection, now);
    await appendEvents(trx, [catalogChanged(actor, now, "objection_created", { objectionId: objection.id, name: objection.name, category: objection.category })]);
  });
  return objection;
}
