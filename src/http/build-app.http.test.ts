import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase, testContext } from "../../test/support/engines.js";
import { parseConfig } from "../config.js";
import { buildApp } from "./build-app.js";

describe("request logging", () => {
  let database: TestDatabase;
  const lines: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase("sqlite");
  });
  afterAll(() => database.destroy());

  it("logs requests without their query string or an unsubscribe link's token", async () => {
    const log = pino({ level: "info" }, { write: (line: string) => lines.push(line) });
    const app = await buildApp({ ctx: { ...testContext(database.db), log }, config: parseConfig({}) });
    try {
      await app.inject({ method: "POST", url: "/api/v1/inbound/email?secret=inbound-secret-0123", headers: { "content-type": "message/rfc822" }, payload: "From: a@example.com\r\n\r\nHi" });
      await app.inject({ method: "GET", url: "/u/signed.unsubscribe-token_0123" });
    } finally {
      await app.close();
    }
    const requests = lines.map((line) => JSON.parse(line) as { req?: { url: string } }).filter((entry) => entry.req);
    expect(requests.map((entry) => entry.req!.url)).toEqual(["/api/v1/inbound/email", "/u/[token]"]);
    expect(lines.join("\n")).not.toMatch(/inbound-secret-0123|signed\.unsubscribe-token_0123|secret=/);
  });
});
