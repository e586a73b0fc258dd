import type { ProofAsset, ProofAssetTags } from "../domain/objections/proof-asset.js";
import { type Executor, fromJsonColumn, toJsonColumn } from "./engine.js";
import type { ProofAssetTable } from "./schema.js";

function assetRowToAsset(row: ProofAssetTable): ProofAsset {
  return { id: row.id, kind: row.kind, title: row.title, url: row.url, tags: fromJsonColumn<ProofAssetTags>(row.tags), createdAt: row.created_at };
}

/** Every proof asset, by title. */
export async function listProofAssets(db: Executor): Promise<ProofAsset[]> {
  const rows = await db.selectFrom("proof_assets").selectAll().orderBy("title").orderBy("id").execute();
  return rows.map(assetRowToAsset);
}

/** One proof asset by id. */
export async function findProofAsset(db: Executor, id: string): Promise<ProofAsset | undefined> {
  const row = await db.selectFrom("proof_assets").selectAll().where("id", "=", id).executeTakeFirst();
  return row && assetRowToAsset(row);
}

/** Inserts or replaces a proof asset. */
export async function saveProofAsset(db: Executor, asset: ProofAsset, now: number): Promise<void> {
  const row = { kind: asset.kind, title: asset.title, url: asset.url, tags: toJsonColumn(asset.tags), updated_at: now };
  await db
    .insertInto("proof_assets")
    .values({ id: asset.id, ...row, created_at: asset.createdAt })
    .onConflict((oc) => oc.column("id").doUpdateSet(row))
    .execute();
}
