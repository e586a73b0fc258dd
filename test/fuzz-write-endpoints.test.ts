import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countLeads } from "../src/store/leads.js";
import { ENGINES } from "./support/engines.js";
import { createTestApp, type TestApp } from "./support/http.js";

/** Routes that take no body and end the caller's own session: fuzzing them proves nothing. */
const NOT_FUZZED = new Set(["POST /api/v1/auth/logout"]);

/** Bodies that can never be a valid lead: random JSON, broken JSON, and lead-like objects with bad values. */
const malformedBody = fc.oneof(
  fc.anything().map((value) => ({ type: "application/json", payload: JSON.stringify(value) ?? "null" })),
  fc.string().map((text) => ({ type: "application/json", payload: text })),
  fc.string().map((text) => ({ type: "application/x-www-form-urlencoded", payload: text })),
  fc
    .record(
      {
        email: fc.oneof(fc.string().filter((s) => !s.includes("@")), fc.integer(), fc.constant(null)),
        phone: fc.oneof(fc.string({ maxLength: 3 }), fc.boolean()),
        items: fc.array(fc.anything(), { maxLength: 3 }),
        name: fc.anything(),
        custom: fc.anything(),
        role: fc.string(),
        scopes: fc.anything(),
      },
      { requiredKeys: [] },
    )
    .map((value) => ({ type: "application/json", payload: JSON.stringify(value) })),
);

describe.each(ENGINES)("malformed bodies on every write endpoint (%s)", (engine) => {
  let t: TestApp;
  let formKey: string;
  beforeAll(async () => {
    t = await createTestApp(engine, { collectRoutes: true });
    const form = await t.app.inject({ method: "POST", url: "/api/v1/forms", headers: t.as.admin.headers, payload: { name: "Fuzz form" } });
    formKey = form.json().formKey;
  });
  afterAll(() => t.destroy());

  it("never answer 5xx and never change the lead count", async () => {
    const writeRoutes = t.routes.filter((r) => ["POST", "PUT", "PATCH", "DELETE"].includes(r.method) && !NOT_FUZZED.has(`${r.method} ${r.url}`));
    expect(writeRoutes.length).toBeGreaterThanOrEqual(5);
    const leadsBefore = await countLeads(t.ctx.db);
    // A fresh client address per request keeps the per-IP form rate limit from answering for the validator.
    let requestNumber = 0;
    for (const route of writeRoutes) {
      const url = route.url.replace(":formKey", formKey).replace(/:[A-Za-z]+/g, "fuzz-missing-id").replace("::", ":");
      await fc.assert(
        fc.asyncProperty(malformedBody, async ({ type, payload }) => {
          requestNumber++;
          const remoteAddress = `10.${(requestNumber >> 16) & 255}.${(requestNumber >> 8) & 255}.${requestNumber & 255}`;
          const headers = { ...t.as.admin.headers, "content-type": type };
          const response = await t.app.inject({ method: route.method as "POST", url, headers, payload, remoteAddress });
          expect(response.statusCode, `${route.method} ${url} ${payload}`).toBeLessThan(500);
        }),
        // 500 bodies per route: with some 80 write routes that is 40,000 requests per engine, inside the timeout on a busy 2-core CI machine.
        { numRuns: 500 },
      );
    }
    expect(await countLeads(t.ctx.db)).toBe(leadsBefore);
  }, 240_000);
});
