import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase, testContext } from "../../test/support/engines.js";
import { parseConfig } from "../config.js";
import { buildApp } from "./build-app.js";
import { defaultWebDir } from "./web-app.js";

describe("webApp", () => {
  let database: TestDatabase;
  let webDir: string;
  let app: FastifyInstance;
  let appWithoutBundle: FastifyInstance;

  beforeAll(async () => {
    database = await openTestDatabase("sqlite");
    webDir = mkdtempSync(path.join(tmpdir(), "closeloop-web-"));
    mkdirSync(path.join(webDir, "assets"));
    writeFileSync(path.join(webDir, "index.html"), "<!doctype html><title>Closeloop app</title>");
    writeFileSync(path.join(webDir, "assets", "index-abc123.js"), "console.log('app')");
    const config = parseConfig({ LOG_LEVEL: "silent" });
    app = await buildApp({ ctx: testContext(database.db), config, webDir });
    appWithoutBundle = await buildApp({ ctx: testContext(database.db), config, webDir: path.join(webDir, "missing") });
  });

  afterAll(async () => {
    await app.close();
    await appWithoutBundle.close();
    await database.destroy();
    rmSync(webDir, { recursive: true, force: true });
  });

  it("serves index.html at / and for client-side routes, never cached", async () => {
    for (const url of ["/", "/leads", "/leads/lead_1?from=list", "/setup?token=abc"]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain("Closeloop app");
      expect(response.headers["cache-control"]).toBe("no-cache");
    }
  });

  it("serves hashed assets with a long cache life", async () => {
    const response = await app.inject({ url: "/assets/index-abc123.js" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/javascript/);
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("leaves unknown API, form and asset paths to the API's problem+json 404", async () => {
    for (const url of ["/api", "/api/v1/nope", "/api/v1/leads/x/y", "/f/unknown", "/assets/missing.js"]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ status: 404, code: "not_found" });
    }
  });

  it("does not shadow API routes", async () => {
    expect((await app.inject({ url: "/api/v1/leads" })).statusCode).toBe(401);
    expect((await app.inject({ url: "/api/openapi.json" })).json()).toMatchObject({ openapi: "3.1.0" });
  });

  it("says to run the build when there is no bundle", async () => {
    const response = await appWithoutBundle.inject({ url: "/" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/html/);
    expect(response.body).toContain("npm run build");
    expect((await appWithoutBundle.inject({ url: "/api/v1/nope" })).statusCode).toBe(404);
  });

  it("finds dist/web at the repository root by default", () => {
    expect(defaultWebDir()).toBe(path.resolve(import.meta.dirname, "../../dist/web"));
  });
});
