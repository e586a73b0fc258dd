import { describe, expect, it } from "vitest";
import { detectPreset, presetTarget } from "./column-presets.js";
import { headerKey } from "./column-target.js";
import { exportHeader } from "./export-columns.js";

const HUBSPOT_HEADERS = ["Record ID", "First Name", "Last Name", "Email", "Phone Number", "Company Name", "Job Title", "Country/Region", "Original Source", "Lead Status"];
const SALESFORCE_HEADERS = ["Lead ID", "First Name", "Last Name", "Title", "Company", "Email", "Phone", "Mobile", "Lead Source", "Lead Status", "Country", "Campaign"];
const PIPEDRIVE_PERSON_HEADERS = ["Name", "Email - Work", "Phone - Work", "Organization", "Job title", "Label"];
const PIPEDRIVE_LEAD_HEADERS = ["Title", "Person - Name", "Person - Email - Work", "Person - Phone - Mobile", "Organization - Name", "Source origin"];

describe("detectPreset", () => {
  it.each([
    ["hubspot", HUBSPOT_HEADERS],
    ["salesforce", SALESFORCE_HEADERS],
    ["pipedrive", PIPEDRIVE_PERSON_HEADERS],
    ["pipedrive", PIPEDRIVE_LEAD_HEADERS],
    ["closeloop", exportHeader(["plan"])],
    ["generic", ["email", "first_name", "last_name", "utm_source", "plan"]],
  ])("recognises %s headers", (preset, headers) => {
    expect(detectPreset(headers)).toBe(preset);
  });

  it("stays generic on a single distinctive header, which plain files also have", () => {
    expect(detectPreset(["id", "email", "name"])).toBe("generic");
    expect(detectPreset(["Record ID", "Email"])).toBe("generic");
  });

  it("stays generic when two presets are equally likely", () => {
    expect(detectPreset(["Email", "Lead Status", "Lead Source", "Original Source"])).toBe("generic");
  });
});

describe("presetTarget", () => {
  it("reads a header by its preset's meaning before the generic one", () => {
    expect(presetTarget("pipedrive", headerKey("Title"))).toEqual({ kind: "custom", name: "leadTitle" });
    expect(presetTarget("salesforce", headerKey("Title"))).toEqual({ kind: "field", field: "title" });
    expect(presetTarget("generic", headerKey("Title"))).toEqual({ kind: "field", field: "title" });
  });

  it("skips our export's state columns and maps its capture columns", () => {
    expect(presetTarget("closeloop", headerKey("createdAt"))).toEqual({ kind: "skip" });
    expect(presetTarget("closeloop", headerKey("utmSource"))).toEqual({ kind: "field", field: "utmSource" });
  });
});
