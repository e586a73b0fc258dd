import type { Config } from "../config.js";
import type { ServiceContext } from "../services/context.js";

/** What the HTTP app is built from. */
export type AppDeps = { ctx: ServiceContext; config: Config };
