import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Clock } from "../clock.js";
import type { IdGenerator } from "../ids.js";
import type { Database } from "../store/schema.js";

/** What every service needs, passed in (never imported), so tests can swap the clock and ids. */
export type ServiceContext = {
  db: Kysely<Database>;
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
  /** Region for phone numbers captured without a country code. */
  defaultPhoneRegion: string;
  /** Where people reach the app, for links in notifications. */
  publicUrl: string;
};
