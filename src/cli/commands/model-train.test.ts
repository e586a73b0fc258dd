import { describe, expect, it } from "vitest";
import { findLatestScoringModel } from "../../store/scoring-models.js";
import { seedClosedLeads } from "../../../test/support/closed-lead-history.js";
import { ENGINES } from "../../../test/support/engines.js";
import { cliDatabasePerTest, runCliInProcess } from "../../../test/support/run-cli.js";
import { registerModelCommands } from "./model.js";

/** Runs `closeloop model train` in this process. */
const train = () => runCliInProcess(registerModelCommands, ["model", "train"]);

describe.each(ENGINES)("closeloop model train (%s)", (engine) => {
  const cli = cliDatabasePerTest(engine, "closeloop-model-");

  it("trains on the database's closed leads and prints the report", async () => {
    await seedClosedLeads(cli.database.db, { count: 210, wins: 42 });
    const result = await train();
    expect(result.error).toBeUndefined();
    expect(result.stdout).toMatch(/^Model version 1 is in use\./);
    expect(result.stdout).toMatch(/AUC\s+[01]\.\d{3}/);
    expect(result.stdout).toContain("Brier score");
    expect(result.stdout).toContain("Expected calibration error");
    expect(result.stdout).toContain("Reliability");
    expect(result.stdout).toContain("Strongest signals:");
    expect(await findLatestScoringModel(cli.database.db)).toMatchObject({ version: 1, trainedBy: "cli", closedCount: 210, winCount: 42 });
  });

  it("refuses with the readiness message below the minimum history", async () => {
    await seedClosedLeads(cli.database.db, { count: 50, wins: 10 });
    const result = await train();
    expect(result.error).toMatchObject({ code: "insufficient_history", message: expect.stringContaining("150 more closed leads and 30 more wins") });
    expect(result.stdout).toBe("");
  });
});
