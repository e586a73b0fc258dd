import { DomainError } from "../../domain/errors.js";
import type { Actor } from "../../domain/lead/lead-event.js";
import { normalizeCatalogText, RESPONSE_TEXT_MAX_LENGTH } from "../../domain/objections/catalog-text.js";
import { nextVersionNumber, type ResponseVersion } from "../../domain/objections/objection.js";
import { appendEvents } from "../../store/events.js";
import { findObjection, insertResponseVersion, listResponseVersions } from "../../store/objections.js";
import type { ServiceContext } from "../context.js";
import { catalogChanged } from "./catalog-event.js";

/** A new response (no `responseId`) or a new wording of an existing one of the same objection. */
export type NewResponseVersion = { text: string; responseId?: string | undefined };

/**
 * Adds a response wording. Rewording never edits the old version, which keeps the leads that
 * heard it and its win rate; the new version becomes the current one.
 */
export async function addResponseVersion(ctx: ServiceContext, objectionId: string, input: NewResponseVersion, actor: Actor): Promise<ResponseVersion> {
  const text = normalizeCatalogText(input.text, "text", RESPONSE_TEXT_MAX_LENGTH);
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await findObjection(trx, objectionId))) throw new DomainError("not_found", { field: "id", message: `id: no objection ${objectionId}` });
    const versions = await listResponseVersions(trx, [objectionId]);
    if (input.responseId !== undefined && !versions.some((v) => v.responseId === input.responseId)) {
      throw new DomainError("invalid", { field: "responseId", message: `responseId: objection ${objectionId} has no response ${input.responseId}` });
    }
    const responseId = input.responseId ?? ctx.ids("response");
    const now = ctx.clock.now();
    const version: ResponseVersion = { id: ctx.ids("respver"), objectionId, responseId, version: nextVersionNumber(responseId, versions), text, createdAt: now };
    await insertResponseVersion(trx, version);
    await appendEvents(trx, [catalogChanged(actor, now, "response_version_added", { objectionId, responseId, responseVersionId: version.id, version: version.version })]);
    return version;
  });
}
