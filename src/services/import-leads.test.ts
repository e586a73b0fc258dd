import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listLeadEvents } from "../store/events.js";
import { countLeads, listLeads } from "../store/leads.js";
import { ENGINES, openTestDatabase, type TestDatabase, testContext } from "../../test/support/engines.js";
import { type ImportLeadsOptions, importLeads } from "./import-leads.js";

const BOM = "\uFEFF";

/** Every CSV hazard at once: BOM, CRLF, quoted comma, quoted newline, escaped quotes, blank rows, bad rows, duplicates. */
const FIXTURE_ROWS = [
  "email,first_name,last_name,phone,company,plan",
  'ana@example.com,Ana,Silva,,"Acme, Inc.",pro', // 1 created
  'bob@example.com,Bob,Jones,,Initech,"line one\r\nline two"', // 2 created
  "not-an-email,Carl,Bad,,,", // 3 rejected
  ",Dee,NoContact,,Globex,", // 4 rejected: neither email nor phone
  "ANA@Example.com,,,,,enterprise", // 5 merged into 1
  "", // 6 blank
  ",Eve,Phone,(415) 555-0101,,", // 7 created
  ",Eve,Phone,+1 415.555.0101,,", // 8 merged into 7
  "fay@example,Fay,Bad,,,", // 9 rejected
  "gus@example.com,Gus,Short", // 10 rejected: too few cells
  "hal@example.com,Hal,Long,,Hooli,x,extra", // 11 rejected: too many cells
  ",,,,,", // 12 blank
  'ivy@example.com,Ivy,"Quote ""Q"" Lee",,,', // 13 created
  "jon@example.com,Jon,Num,12,,", // 14 rejected: bad phone
];

const EXPECTED_REJECTS = [
  "email,first_name,last_name,phone,company,plan,row_number,reason",
  "not-an-email,Carl,Bad,,,,3,email: must be an email address",
  ",Dee,NoContact,,Globex,,4,email: an email or a phone number is required",
  "fay@example,Fay,Bad,,,,9,email: must be an email address",
  "gus@example.com,Gus,Short,,,,10,row: has 3 cells but the header has 6",
  'hal@example.com,Hal,Long,,Hooli,x,11,"row: has 7 cells but the header has 6 (extra: ""extra"")"',
  "jon@example.com,Jon,Num,12,,,14,phone: must be a phone number",
];

describe.each(ENGINES)("importLeads on %s", (engine) => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "closeloop-import-"));
  });
  afterAll(async () => {
    await database.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function writeFixture(name: string, content: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  }

  function options(file: string, overrides: Partial<ImportLeadsOptions> = {}): ImportLeadsOptions {
    return { file, rejectsFile: `${file}.rejects.csv`, overrides: [], defaults: {}, ...overrides };
  }

  it("counts created, merged and rejected rows exactly and writes every reject with its row number and reason", async () => {
    const file = writeFixture("hazards.csv", BOM + FIXTURE_ROWS.join("\r\n") + "\r\n");
    const report = await importLeads(testContext(database.db), options(file));
    expect(report).toMatchObject({ read: 12, created: 4, merged: 2, rejected: 6, rejectsFile: `${file}.rejects.csv` });
    expect(report.mapping.preset).toBe("generic");
    expect(fs.readFileSync(`${file}.rejects.csv`, "utf8")).toBe(BOM + EXPECTED_REJECTS.join("\n") + "\n");
  });

  it("keeps quoted commas, newlines and quotes inside cells and records the import as the actor", async () => {
    const leads = await listLeads(database.db, { text: "example.com" }, "created_asc", 100, undefined);
    const byEmail = new Map(leads.map((lead) => [lead.email, lead]));
    expect(byEmail.get("ana@example.com")).toMatchObject({ company: "Acme, Inc.", custom: { plan: "pro" } });
    expect(byEmail.get("bob@example.com")?.custom).toEqual({ plan: "line one\r\nline two" });
    expect(byEmail.get("ivy@example.com")?.lastName).toBe('Quote "Q" Lee');
    const events = await listLeadEvents(database.db, byEmail.get("ana@example.com")!.id);
    const captureEvents = events.filter((e) => e.type === "created" || e.type === "merged_duplicate");
    expect(captureEvents.map((e) => [e.type, e.actor])).toEqual([
      ["created", "import"],
      ["merged_duplicate", "import"],
    ]);
  });

  it("merges duplicates across chunks of the same file and leaves no rejects file when nothing is rejected", async () => {
    const rows = Array.from({ length: 2_100 }, (_, i) => `chunk${i}@example.org,Lead ${i}`);
    rows.push("CHUNK0@example.org,Again");
    const file = writeFixture("chunks.csv", ["Email,Name", ...rows].join("\n"));
    const report = await importLeads(testContext(database.db), options(file));
    expect(report).toMatchObject({ read: 2_101, created: 2_100, merged: 1, rejected: 0, rejectsFile: undefined });
    expect(fs.existsSync(`${file}.rejects.csv`)).toBe(false);
  });

  it("applies --map overrides, a detected preset and default source and campaign", async () => {
    const file = writeFixture(
      "hubspot.csv",
      "Record ID,First Name,Email,Phone Number,Country/Region,Original Source,Lead Status,Work Email\n" +
        "901,Kim,,+44 20 7946 0958,GB,,Open,kim@example.net\n" +
        "902,Lou,lou@example.net,,,PAID_SEARCH,New,\n",
    );
    const report = await importLeads(
      testContext(database.db),
      options(file, { overrides: [{ column: "work email", target: { kind: "field", field: "email" } }], defaults: { source: "hubspot-migration", campaign: "q1" } }),
    );
    expect(report).toMatchObject({ created: 2, rejected: 0, mapping: { preset: "hubspot", isPresetDetected: true } });
    const [kim] = await listLeads(database.db, { text: "kim@example.net" }, "created_asc", 1, undefined);
    expect(kim).toMatchObject({ firstName: "Kim", phone: "+442079460958", country: "GB", source: "hubspot-migration", campaign: "q1" });
    expect(kim?.custom).toEqual({ hubspotRecordId: "901", leadStatus: "Open" });
    const [lou] = await listLeads(database.db, { text: "lou@example.net" }, "created_asc", 1, undefined);
    expect(lou).toMatchObject({ source: "PAID_SEARCH", campaign: "q1" });
  });

  it("fails naming the file when it is missing, empty or has no header row, and imports nothing", async () => {
    const ctx = testContext(database.db);
    const before = await countLeads(database.db);
    await expect(importLeads(ctx, options(path.join(dir, "missing.csv")))).rejects.toMatchObject({ field: "file", message: expect.stringMatching(/ENOENT/) });
    await expect(importLeads(ctx, options(writeFixture("empty.csv", "")))).rejects.toMatchObject({ field: "file", message: expect.stringMatching(/is empty$/) });
    await expect(importLeads(ctx, options(writeFixture("blank.csv", `${BOM}\r\n ,\r\n`)))).rejects.toMatchObject({ field: "file", message: expect.stringMatching(/has no header row$/) });
    await expect(importLeads(ctx, options(writeFixture("headless.csv", "zed@example.com,Zed\nyan@example.com,Yan\n")))).rejects.toMatchObject({
      field: "header",
      message: expect.stringContaining("no column holds an email or a phone"),
    });
    expect(await countLeads(database.db)).toBe(before);
  });

  it("stops at an unclosed quote, keeping the rows before it and saying so", async () => {
    const file = writeFixture("broken.csv", 'email,name\nkept@example.com,Kept\nlost@example.com,"Unclosed\nnext@example.com,Next\n');
    await expect(importLeads(testContext(database.db), options(file))).rejects.toMatchObject({
      field: "file",
      message: expect.stringMatching(/Quote Not Closed.*created 1, merged 0, rejected 0/),
    });
    expect(await listLeads(database.db, { text: "kept@example.com" }, "created_asc", 1, undefined)).toHaveLength(1);
  });
});
