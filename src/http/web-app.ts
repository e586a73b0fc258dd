import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyPluginAsync } from "fastify";

export type WebAppOptions = { webDir?: string | undefined };

/**
 * Paths the client router never owns: the API, the public form endpoint and the bundle's assets
 * keep their own 404s (a missing script must not come back as index.html with a 200).
 */
const SERVER_PATH = /^\/(api|f|assets)(\/|$|\?)/;

/** File names under /assets carry a content hash, so browsers may keep them for a year. */
const ASSET_CACHE_CONTROL = "public, max-age=31536000, immutable";

const BUILD_HINT_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Closeloop</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem">
<h1>Closeloop's web app is not built yet</h1>
<p>The API is running. To get the screens, run <code>npm run build</code> (or simply <code>npm start</code>) and reload this page.</p>
<p>API documentation: <a href="/api/docs">/api/docs</a></p>
</body></html>`;

/** `<repo>/dist/web`, located from this module both under tsx/vitest (src/http) and after tsc (dist/src/http). */
export function defaultWebDir(): string {
  const httpDir = path.dirname(fileURLToPath(import.meta.url));
  const isCompiled = httpDir.endsWith(path.join("dist", "src", "http"));
  return path.resolve(httpDir, isCompiled ? "../../.." : "../..", "dist", "web");
}

/**
 * Serves the built React app from `webDir`, and `index.html` for any other GET that is not an
 * API, form or asset path, so client-side routes such as /leads/123 survive a reload. Register it
 * last: every API route is more specific than its `/*` and wins.
 */
export const webApp: FastifyPluginAsync<WebAppOptions> = async (app, options) => {
  const webDir = path.resolve(options.webDir ?? defaultWebDir());
  const hasBundle = existsSync(path.join(webDir, "index.html"));
  if (hasBundle) {
    await app.register(fastifyStatic, {
      root: webDir,
      // One route per built file instead of a wildcard, so the fallback below owns `/*`.
      wildcard: false,
      cacheControl: false,
      setHeaders: (response, filePath) =>
        response.setHeader("cache-control", filePath.includes(`${path.sep}assets${path.sep}`) ? ASSET_CACHE_CONTROL : "no-cache"),
    });
  }
  app.get("/*", { schema: { hide: true } }, async (request, reply) => {
    if (SERVER_PATH.test(request.url)) return reply.callNotFound();
    if (!hasBundle) return reply.type("text/html; charset=utf-8").send(BUILD_HINT_HTML);
    return reply.sendFile("index.html");
  });
};
