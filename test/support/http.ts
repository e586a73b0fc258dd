import type { FastifyInstance } from "fastify";
import type { ApiKeyScope, Role } from "../../src/domain/access/permission.js";
import type { EngineName } from "../../src/store/engine.js";
import { type Config, parseConfig } from "../../src/config.js";
import { buildApp } from "../../src/http/build-app.js";
import { SESSION_COOKIE } from "../../src/http/auth/session-cookie.js";
import { createApiKey } from "../../src/services/api-keys/create-api-key.js";
import { openSession } from "../../src/services/auth/open-session.js";
import { hashPassword } from "../../src/services/passwords.js";
import { insertUsers } from "../../src/store/users.js";
import { openTestDatabase, REFERENCE_TIME, type TestContext, testContext } from "./engines.js";

/** Password of every user `createTestApp` makes, for tests that log in through the API. */
export const TEST_PASSWORD = "correct horse battery staple";

/** Someone calling the API: spread `headers` into `app.inject({ headers })`. */
export type TestCaller = { headers: Record<string, string> };
/** A logged-in person: session cookie plus `X-CSRF-Token`, so writes pass the CSRF check. */
export type TestUser = TestCaller & { userId: string; email: string; role: Role };
/** An API key: `authorization: Bearer …`. */
export type TestKey = TestCaller & { apiKeyId: string; key: string };

export type TestCallers = {
  admin: TestUser;
  manager: TestUser;
  rep: TestUser;
  otherRep: TestUser;
  leadsWriteKey: TestKey;
  adminKey: TestKey;
  anonymous: TestCaller;
};

/** A route as Fastify registered it. */
export type RegisteredRoute = { method: string; url: string };

export type TestApp = {
  app: FastifyInstance;
  ctx: TestContext;
  config: Config;
  /** Every route buildApp registered (HEAD included), when created with `collectRoutes`. */
  routes: RegisteredRoute[];
  as: TestCallers;
  destroy(): Promise<void>;
};

export type TestAppOptions = {
  /** Environment for `parseConfig`, e.g. `{ SESSION_TTL_HOURS: "1" }`. */
  env?: NodeJS.ProcessEnv;
  /** Where the manual clock starts (default REFERENCE_TIME). */
  at?: number;
  /** Record every registered route in `routes` (the access matrix and the fuzz test need them). */
  collectRoutes?: boolean;
  /** Built web app to serve (default: the repo's dist/web, if built). */
  webDir?: string;
};

// argon2 costs ~50 ms a hash: one per test process, shared by every test user.
let testPasswordHash: Promise<string> | undefined;

async function addTestUsers(t: Pick<TestApp, "ctx" | "config">): Promise<Pick<TestCallers, "admin" | "manager" | "rep" | "otherRep">> {
  const passwordHash = await (testPasswordHash ??= hashPassword(TEST_PASSWORD));
  const people: [keyof TestCallers, string, Role][] = [
    ["admin", "Ada Admin", "admin"],
    ["manager", "Max Manager", "manager"],
    ["rep", "Rita Rep", "rep"],
    ["otherRep", "Oscar Otherrep", "rep"],
  ];
  const now = t.ctx.clock.now();
  const users = people.map(([key, name, role]) => ({
    user: { id: t.ctx.ids("user"), email: `${key.toLowerCase()}@test.closeloop.dev`, name, role, timezone: "UTC", isActive: true, createdAt: now },
    passwordHash,
  }));
  await insertUsers(t.ctx.db, users);
  const callers: TestUser[] = await Promise.all(
    users.map(async ({ user }) => {
      const session = await openSession(t.ctx.db, user.id, now, t.config.sessionTtlHours);
      const headers = { cookie: `${SESSION_COOKIE}=${session.token}`, "x-csrf-token": session.csrfToken };
      return { headers, userId: user.id, email: user.email, role: user.role };
    }),
  );
  const [admin, manager, rep, otherRep] = callers;
  return { admin: admin!, manager: manager!, rep: rep!, otherRep: otherRep! };
}

async function addTestKey(ctx: TestContext, name: string, scopes: ApiKeyScope[]): Promise<TestKey> {
  const { apiKey, key } = await createApiKey(ctx, { name, scopes }, "system");
  return { headers: { authorization: `Bearer ${key}` }, apiKeyId: apiKey.id, key };
}

/**
 * The real app over a fresh test database, with an admin, a manager, two reps (each logged in),
 * a `leads:write` key and an `admin` key ready to use: `app.inject({ headers: t.as.rep.headers })`.
 */
export async function createTestApp(engine: EngineName, options: TestAppOptions = {}): Promise<TestApp> {
  const database = await openTestDatabase(engine);
  const ctx = testContext(database.db, options.at ?? REFERENCE_TIME);
  const config = parseConfig(options.env ?? {});
  const routes: RegisteredRoute[] = [];
  const onRoute = options.collectRoutes
    ? (route: { method: string | string[]; url: string }) => {
        for (const method of [route.method].flat()) routes.push({ method, url: route.url });
      }
    : undefined;
  const app = await buildApp({ ctx, config, ...(onRoute ? { onRoute } : {}), ...(options.webDir ? { webDir: options.webDir } : {}) });
  await app.ready();
  const users = await addTestUsers({ ctx, config });
  const as: TestCallers = {
    ...users,
    leadsWriteKey: await addTestKey(ctx, "Website", ["leads:write"]),
    adminKey: await addTestKey(ctx, "Automation", ["admin"]),
    anonymous: { headers: {} },
  };
  return {
    app,
    ctx,
    config,
    routes,
    as,
    destroy: async () => {
      await app.close();
      await database.destroy();
    },
  };
}
