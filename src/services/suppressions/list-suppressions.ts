import type { Principal } from "../../domain/access/permission.js";
import { listSuppressions as listStoredSuppressions, type Suppression } from "../../store/suppressions.js";
import type { ServiceContext } from "../context.js";
import { checkManagesSequences } from "../sequences/sequence-access.js";

export type SuppressionQuery = { search: string | null; limit: number; offset: number };

/** The suppression list, newest first, optionally narrowed to values containing `search`. */
export async function listSuppressions(ctx: ServiceContext, principal: Principal, query: SuppressionQuery): Promise<Suppression[]> {
  checkManagesSequences(principal);
  return listStoredSuppressions(ctx.db, { search: query.search?.trim().toLowerCase() || null, limit: query.limit, offset: query.offset });
}
