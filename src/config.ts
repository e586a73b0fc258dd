import path from "node:path";
import { isSupportedCountry } from "libphonenumber-js/max";

/** Everything the process is configured with, parsed once at boot. */
export type Config = Readonly<{
  /** PORT: HTTP port for the app and API. */
  port: number;
  /** HOST: interface to listen on. */
  host: string;
  /** PUBLIC_URL: the address people use to reach the app (setup links, form snippets). */
  publicUrl: string;
  /** DATA_DIR: where the embedded SQLite database lives. */
  dataDir: string;
  /** DATABASE_URL: PostgreSQL connection string; empty means embedded SQLite in DATA_DIR. */
  databaseUrl: string | undefined;
  /** SESSION_TTL_HOURS: how long a browser session lasts without activity. */
  sessionTtlHours: number;
  /** FORM_RATE_LIMIT_PER_MINUTE: public form submissions accepted per IP per minute. */
  formRateLimitPerMinute: number;
  /** LOG_LEVEL: pino level. */
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** SECURE_COOKIES: mark session cookies Secure (set when served over HTTPS). */
  isSecureCookies: boolean;
  /** TRUST_PROXY: trust X-Forwarded-For (set behind a reverse proxy, so rate limits see the client's IP). */
  trustProxy: boolean;
  /** DEFAULT_PHONE_REGION: ISO country for phone numbers captured without a country code. */
  defaultPhoneRegion: string;
  /** SMTP_URL: mail server for email notifications (`smtp://user:pass@host:587`, `smtps://…`); empty: email notifications go dead, visibly. */
  smtpUrl: string | undefined;
  /** MAIL_FROM: sender of email notifications. */
  mailFrom: string;
  /** WORKER_CONCURRENCY: timers, and separately outbox messages, a worker runs at once. */
  workerConcurrency: number;
  /** WEBHOOK_TIMEOUT_MS: how long a webhook or Slack peer may take to answer before the attempt fails. */
  webhookTimeoutMs: number;
  /** MAILBOX_POLL_SECONDS: how often the worker reads new mail (replies, bounces) from users' mailboxes over IMAP. */
  mailboxPollSeconds: number;
}>;

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Raised with every problem found, so the operator can fix them all at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name}: must be a whole number from ${min} to ${max}, got "${raw}"`);
    return fallback;
  }
  return value;
}

function url(env: NodeJS.ProcessEnv, name: string, protocols: string[], problems: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  try {
    const parsed = new URL(raw);
    if (!protocols.includes(parsed.protocol)) throw new Error();
    return raw;
  } catch {
    problems.push(`${name}: must be a ${protocols.join(" or ")} URL, got "${raw}"`);
    return undefined;
  }
}

function flag(env: NodeJS.ProcessEnv, name: string, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "" || raw === "false" || raw === "0") return false;
  if (raw === "true" || raw === "1") return true;
  problems.push(`${name}: must be true or false, got "${raw}"`);
  return false;
}

function phoneRegion(env: NodeJS.ProcessEnv, problems: string[]): string {
  const raw = (env.DEFAULT_PHONE_REGION || "US").toUpperCase();
  if (!isSupportedCountry(raw)) problems.push(`DEFAULT_PHONE_REGION: must be a two-letter country code such as US or DE, got "${raw}"`);
  return raw;
}

/** Parses the environment into a frozen Config, or throws a ConfigError listing every problem. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const problems: string[] = [];
  const port = integer(env, "PORT", 4400, 0, 65535, problems);
  const logLevel = env.LOG_LEVEL ?? "info";
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL: must be one of ${LOG_LEVELS.join(", ")}, got "${logLevel}"`);
  }
  const config: Config = Object.freeze({
    port,
    host: env.HOST || "127.0.0.1",
    publicUrl: (url(env, "PUBLIC_URL", ["http:", "https:"], problems) ?? `http://localhost:${port}`).replace(/\/$/, ""),
    dataDir: path.resolve(env.DATA_DIR || "data"),
    databaseUrl: url(env, "DATABASE_URL", ["postgres:", "postgresql:"], problems),
    sessionTtlHours: integer(env, "SESSION_TTL_HOURS", 24 * 14, 1, 24 * 365, problems),
    formRateLimitPerMinute: integer(env, "FORM_RATE_LIMIT_PER_MINUTE", 10, 1, 100_000, problems),
    logLevel: logLevel as Config["logLevel"],
    isSecureCookies: flag(env, "SECURE_COOKIES", problems),
    trustProxy: flag(env, "TRUST_PROXY", problems),
    defaultPhoneRegion: phoneRegion(env, problems),
    smtpUrl: url(env, "SMTP_URL", ["smtp:", "smtps:"], problems),
    mailFrom: env.MAIL_FROM || "Closeloop <closeloop@localhost>",
    workerConcurrency: integer(env, "WORKER_CONCURRENCY", 4, 1, 64, problems),
    webhookTimeoutMs: integer(env, "WEBHOOK_TIMEOUT_MS", 10_000, 100, 60_000, problems),
    mailboxPollSeconds: integer(env, "MAILBOX_POLL_SECONDS", 60, 5, 86_400, problems),
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
