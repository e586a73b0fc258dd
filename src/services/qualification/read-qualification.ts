import type { Principal } from "../../domain/access/permission.js";
import type { Qualification } from "../../domain/qualification/qualification.js";
import { findLeadPipeline } from "../../store/lead-pipeline.js";
import { readSettings } from "../../store/settings.js";
import type { ServiceContext } from "../context.js";
import { findVisibleLead } from "../leads/find-visible-lead.js";
import { qualificationView } from "./qualification-view.js";

/** A lead's qualification: one row per configured criterion, the cost of inaction and any disqualification. */
export async function readQualification(ctx: ServiceContext, principal: Principal, leadId: string): Promise<Qualification> {
  const lead = await findVisibleLead(ctx.db, principal, leadId);
  const { pipeline } = await readSettings(ctx.db);
  return qualificationView(ctx.db, pipeline, await findLeadPipeline(ctx.db, lead));
}
