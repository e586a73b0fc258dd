import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { actorOf } from "../../../domain/access/permission.js";
import { captureLeads } from "../../../services/capture-leads.js";
import { createCaptureQueue } from "../../../services/capture-queue.js";
import { getLeadWithTimeline, listVisibleLeads } from "../../../services/read-leads.js";
import type { LeadListFilter } from "../../../store/leads.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { msOf } from "../../instants.js";
import { presentBatchResult } from "./present-batch-result.js";
import { decodeLeadCursor, encodeLeadCursor } from "./lead-cursor.js";
import {
  BatchBody,
  BatchResponse,
  CaptureResponse,
  IdempotencyHeaders,
  LeadCaptureBody,
  LeadDetailResponse,
  LeadIdParams,
  LeadListQuery,
  LeadListResponse,
} from "./leads.schemas.js";
import { presentEvent, presentLead } from "./present-lead.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];

/** Lead capture and reading: `/api/v1/leads`. */
export const leadRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  const captureQueue = createCaptureQueue(ctx);

  app.post(
    "/api/v1/leads",
    {
      schema: {
        tags: ["leads"],
        summary: "Capture a lead",
        description: "Validates, normalises and de-duplicates by email or phone. 201 for a new lead, 200 when merged into an existing one.",
        security: SECURITY,
        headers: IdempotencyHeaders,
        body: LeadCaptureBody,
        response: { 200: CaptureResponse, 201: CaptureResponse },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request, "leads:capture");
      const result = await captureQueue.capture({ payload: request.body, actor: actorOf(principal), idempotencyKey: request.headers["idempotency-key"] });
      if (!result.ok) throw result.error;
      return reply.status(result.outcome === "created" ? 201 : 200).send({ id: result.leadId, outcome: result.outcome });
    },
  );

  app.post(
    // `::` escapes the colon: the path is literally /api/v1/leads:batch.
    "/api/v1/leads::batch",
    {
      schema: {
        tags: ["leads"],
        summary: "Capture up to 1,000 leads",
        description: "Each item is captured as by POST /api/v1/leads and gets its own result; invalid items do not stop the others.",
        security: SECURITY,
        headers: IdempotencyHeaders,
        body: BatchBody,
        response: { 200: BatchResponse },
      },
    },
    async (request) => {
      const principal = principalOf(request, "leads:capture");
      const actor = actorOf(principal);
      const batchKey = request.headers["idempotency-key"];
      const results = await captureLeads(
        ctx,
        request.body.items.map((payload, index) => ({ payload, actor, idempotencyKey: batchKey === undefined ? undefined : `${batchKey}#${index}` })),
      );
      return presentBatchResult(results);
    },
  );

  app.get(
    "/api/v1/leads",
    {
      schema: {
        tags: ["leads"],
        summary: "List leads",
        description: "Newest first by default. Reps see only the leads they own unless the workspace widens it.",
        security: SECURITY,
        querystring: LeadListQuery,
        response: { 200: LeadListResponse },
      },
    },
    async (request) => {
      const principal = principalOf(request, "leads:read");
      const q = request.query;
      const filter: LeadListFilter = {
        ...(q.owner !== undefined ? { ownerId: q.owner === "none" ? null : q.owner } : {}),
        ...(q.stage !== undefined ? { stage: q.stage } : {}),
        ...(q.source !== undefined ? { source: q.source } : {}),
        ...(q.campaign !== undefined ? { campaign: q.campaign } : {}),
        ...(q.createdFrom !== undefined ? { createdFrom: msOf(q.createdFrom, "createdFrom") } : {}),
        ...(q.createdTo !== undefined ? { createdTo: msOf(q.createdTo, "createdTo") } : {}),
        ...(q.q !== undefined ? { text: q.q } : {}),
      };
      const page = await listVisibleLeads(ctx, principal, {
        filter,
        sort: q.sort ?? "created_desc",
        limit: q.limit ?? 50,
        after: q.cursor === undefined ? undefined : decodeLeadCursor(q.cursor),
      });
      return { items: page.items.map((lead) => presentLead(lead, page.slas.get(lead.id))), nextCursor: page.nextCursor ? encodeLeadCursor(page.nextCursor) : null };
    },
  );

  app.get(
    "/api/v1/leads/:id",
    {
      schema: {
        tags: ["leads"],
        summary: "Get a lead with its timeline",
        security: SECURITY,
        params: LeadIdParams,
        response: { 200: LeadDetailResponse },
      },
    },
    async (request) => {
      const principal = principalOf(request, "leads:read");
      const { lead, timeline, sla } = await getLeadWithTimeline(ctx, principal, request.params.id);
      return { lead: presentLead(lead, sla), timeline: timeline.map(presentEvent) };
    },
  );
};
