import type { ObjectionWithResponses } from "../../domain/objections/objection.js";
import { findObjection, listObjections, listResponseVersions } from "../../store/objections.js";
import type { ServiceContext } from "../context.js";

/** Every objection with every version of its responses (oldest first). */
export async function readObjectionCatalog(ctx: ServiceContext): Promise<ObjectionWithResponses[]> {
  const [objections, versions] = await Promise.all([listObjections(ctx.db), listResponseVersions(ctx.db)]);
  return objections.map((objection) => ({ ...objection, responses: versions.filter((v) => v.objectionId === objection.id) }));
}

/** One objection with its responses, or undefined. */
export async function readObjection(ctx: ServiceContext, id: string): Promise<ObjectionWithResponses | undefined> {
  const objection = await findObjection(ctx.db, id);
  return objection && { ...objection, responses: await listResponseVersions(ctx.db, [id]) };
}
