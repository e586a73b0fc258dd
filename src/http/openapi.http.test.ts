import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/http.js";

describe("OpenAPI document", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("sqlite", { collectRoutes: true });
  });
  afterAll(() => t.destroy());

  it("is OpenAPI 3.1 and documents every API route with its responses", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe("3.1.0");
    const apiRoutes = t.routes.filter((r) => r.method !== "HEAD" && /^\/(api\/v1|f)\//.test(r.url) && !r.url.endsWith("/thanks"));
    expect(apiRoutes.length).toBeGreaterThan(5);
    for (const route of apiRoutes) {
      // Fastify writes `:id` and `::` (an escaped colon); OpenAPI writes `{id}` and `:`.
      const path = route.url.replace("::", "\u0000").replace(/:([A-Za-z]+)/g, "{$1}").replace("\u0000", ":");
      const operation = document.paths[path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${path} is documented`).toBeDefined();
      expect(Object.keys(operation.responses ?? {}).length, `${route.method} ${path} documents its responses`).toBeGreaterThan(0);
    }
  });

  it("serves the browsable docs", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/html");
  });

  it("answers unknown API paths with a problem document", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/nothing-here", headers: t.as.admin.headers });
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toContain("application/problem+json");
  });
});
