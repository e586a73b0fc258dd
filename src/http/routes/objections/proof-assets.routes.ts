import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { actorOf } from "../../../domain/access/permission.js";
import { changeProofAsset } from "../../../services/objections/change-proof-asset.js";
import { createProofAsset } from "../../../services/objections/create-proof-asset.js";
import { listProofAssets } from "../../../store/proof-assets.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { CatalogIdParams, ChangeProofAssetBody, CreateProofAssetBody, ProofAssetDto, ProofAssetListResponse } from "./objections.schemas.js";
import { presentProofAsset } from "./present-objection.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];
const tags = ["objections"];

/** Proof assets (case studies, testimonials, ROI examples): everyone reads; admins and managers edit. */
export const proofAssetRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get(
    "/api/v1/proof-assets",
    { schema: { tags, summary: "Every proof asset, by title", security: SECURITY, response: { 200: ProofAssetListResponse } } },
    async (request) => {
      principalOf(request, "leads:read");
      return { items: (await listProofAssets(ctx.db)).map(presentProofAsset) };
    },
  );

  app.post(
    "/api/v1/proof-assets",
    { schema: { tags, summary: "Add a proof asset tagged by objection, industry and stage", security: SECURITY, body: CreateProofAssetBody, response: { 201: ProofAssetDto } } },
    async (request, reply) => {
      const principal = principalOf(request, "catalog:manage");
      return reply.status(201).send(presentProofAsset(await createProofAsset(ctx, request.body, actorOf(principal))));
    },
  );

  app.patch(
    "/api/v1/proof-assets/:id",
    { schema: { tags, summary: "Change a proof asset; tag lists given replace the old ones", security: SECURITY, params: CatalogIdParams, body: ChangeProofAssetBody, response: { 200: ProofAssetDto } } },
    async (request) => {
      const principal = principalOf(request, "catalog:manage");
      return presentProofAsset(await changeProofAsset(ctx, request.params.id, request.body, actorOf(principal)));
    },
  );
};
