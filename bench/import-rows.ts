import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { systemClock } from "../src/clock.js";
import { timeOrderedIds } from "../src/ids.js";
import type { ServiceContext } from "../src/services/context.js";
import { importLeads } from "../src/services/import-leads.js";
import { createDatabase } from "../src/store/database.js";
import { migrateToLatest } from "../src/store/migrate.js";

/** A HubSpot contact export, the commonest file people bring. */
const HEADER = "Record ID,First Name,Last Name,Email,Phone Number,Company Name,Job Title,Country/Region,Original Source,Lead Status,Message";

const FIRST_NAMES = ["Ana", "Bruno", "Chloé", "Dev", "Eun-ji", "Farah", "Gus", "Hana", "Ivan", "Jo", "Kofi", "Lena", "Mateo", "Nia", "Olu", "Priya"];
const LAST_NAMES = ["Silva", "O'Neil", "Müller", "Nakamura", "Okafor", "García", "Smith", "Kowalski", "Nguyen", "Haddad", "Berg", "Rossi"];
const COMPANIES = ["Acme, Inc.", "Globex", "Initech", "Umbrella Corp", "Hooli", "Vandelay Industries", "Stark & Co", "Wayne Enterprises"];
const TITLES = ["VP Sales", "Head of Growth", "Founder", "Operations Manager", "CTO", "Marketing Lead", ""];
const SOURCES = ["ORGANIC_SEARCH", "PAID_SEARCH", "PAID_SOCIAL", "REFERRALS", "DIRECT_TRAFFIC", "OFFLINE"];
const STATUSES = ["New", "Open", "In progress", "Attempted to contact", ""];
const MESSAGES = ["", "", "", 'Looking for a quote for 20 seats, "ASAP" please', "Call me after 5pm,\nnot before", "Demo request"];

/** Share of rows that repeat an earlier lead's email in other letter case (merged, not created). */
const DUPLICATE_SHARE = 0.05;
/** Share of rows with an unusable email (rejected). */
const BAD_EMAIL_SHARE = 0.01;
/** Share of rows that carry a phone number; phone parsing is a large part of capture's cost. */
const PHONE_SHARE = 0.6;

/** Deterministic PRNG (mulberry32) so every run imports the same file. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One data row; `i` makes the email and phone unique, so only the planned duplicates merge. */
function generatedRow(i: number, random: () => number): string {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const roll = random();
  const first = pick(FIRST_NAMES);
  const last = pick(LAST_NAMES);
  let email = `lead.${i}@example${i % 89}.com`;
  if (roll < BAD_EMAIL_SHARE) email = `${first}.${i} at example.com`;
  else if (roll < BAD_EMAIL_SHARE + DUPLICATE_SHARE && i > 0) {
    const earlier = Math.floor(random() * i);
    email = `Lead.${earlier}@EXAMPLE${earlier % 89}.com`;
  }
  const phone = random() < PHONE_SHARE ? `+1 (${200 + (i % 800)}) ${200 + (Math.floor(i / 800) % 800)}-${String(Math.floor(i / 640_000) + 1000)}` : "";
  const cells = [String(100_000 + i), first, last, email, phone, pick(COMPANIES), pick(TITLES), "US", pick(SOURCES), pick(STATUSES), pick(MESSAGES)];
  return cells.map(csvCell).join(",");
}

/** Writes the file in 10,000-row slices so even 1M rows never sit in memory at once. */
async function writeGeneratedCsv(file: string, rows: number): Promise<void> {
  const random = seededRandom(20260302);
  const out = fs.createWriteStream(file);
  out.write(`\uFEFF${HEADER}\r\n`);
  for (let start = 0; start < rows; start += 10_000) {
    const slice: string[] = [];
    for (let i = start; i < Math.min(rows, start + 10_000); i++) slice.push(generatedRow(i, random));
    if (!out.write(`${slice.join("\r\n")}\r\n`)) await once(out, "drain");
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/**
 * Imports `rows` generated HubSpot-export rows (unique emails, ~5% duplicates, ~1% bad emails,
 * 60% with a phone) into a fresh file-backed SQLite database (WAL) and returns the rate. Only
 * the import is timed, not generating the file or migrating the database.
 */
export async function measureImport(rows: number): Promise<{ rowsPerSecond: number; seconds: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "closeloop-bench-import-"));
  const db = createDatabase({ sqliteFile: path.join(dir, "closeloop.db") });
  try {
    const file = path.join(dir, "leads.csv");
    await writeGeneratedCsv(file, rows);
    await migrateToLatest(db);
    const ctx: ServiceContext = { db, clock: systemClock, ids: timeOrderedIds, log: pino({ level: "silent" }), defaultPhoneRegion: "US", publicUrl: "http://localhost:4400" };
    const startedAt = performance.now();
    const report = await importLeads(ctx, { file, rejectsFile: path.join(dir, "rejects.csv"), overrides: [], defaults: {} });
    const seconds = (performance.now() - startedAt) / 1000;
    if (report.read !== rows || report.created + report.merged + report.rejected !== rows || report.rejected === 0 || report.merged === 0) {
      throw new Error(`import miscounted ${rows} rows: ${JSON.stringify({ ...report, mapping: undefined })}`);
    }
    return { rowsPerSecond: rows / seconds, seconds };
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
