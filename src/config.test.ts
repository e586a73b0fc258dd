import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.js";

describe("parseConfig", () => {
  it("works with no environment at all", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ port: 4400, publicUrl: "http://localhost:4400", databaseUrl: undefined, defaultPhoneRegion: "US" });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("lists every problem at once instead of falling back silently", () => {
    try {
      parseConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud", DEFAULT_PHONE_REGION: "XX", SECURE_COOKIES: "yes" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.map((p) => p.split(":")[0]);
      expect(problems.sort()).toEqual(["DATABASE_URL", "DEFAULT_PHONE_REGION", "LOG_LEVEL", "PORT", "SECURE_COOKIES"]);
    }
  });
});
