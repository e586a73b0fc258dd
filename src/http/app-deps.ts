import type { RouteOptions } from "fastify";
import type { Config } from "../config.js";
import type { ServiceContext } from "../services/context.js";

/** What the HTTP app is built from. */
export type AppDeps = {
  ctx: ServiceContext;
  config: Config;
  /** Called for every route as it is registered; the access-matrix test lists the app's routes with it. */
  onRoute?: (route: RouteOptions) => void;
  /** Built web app to serve; defaults to `<repo>/dist/web` (see `defaultWebDir`). */
  webDir?: string;
};
