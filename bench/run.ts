import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Figures } from "./figures.js";

/** Every benchmark: `npm run bench -- NAME [--quick]`. */
const BENCHMARKS: Record<string, () => Promise<{ runFigures(options: { isQuick: boolean }): Promise<Figures> }>> = {
  capture: () => import("./capture.js"),
  "speed-to-lead": () => import("./speed-to-lead.js"),
  sequences: () => import("./sequences.js"),
  scoring: () => import("./scoring.js"),
};

const [name, ...flags] = process.argv.slice(2);
const unknownFlags = flags.filter((flag) => flag !== "--quick");
if (!name || !(name in BENCHMARKS) || unknownFlags.length > 0) {
  process.stderr.write(`usage: npm run bench -- ${Object.keys(BENCHMARKS).join("|")} [--quick]\n`);
  process.exit(2);
}
const isQuick = flags.includes("--quick");
const figures = await (await BENCHMARKS[name]!()).runFigures({ isQuick });
const result = {
  name,
  at: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version },
  quick: isQuick,
  figures,
};
const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "results");
fs.mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `${name}.json`);
fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
console.table(Object.fromEntries(Object.entries(figures).map(([key, figure]) => [key, `${figure.value} ${figure.unit}`])));
process.stdout.write(`written to ${path.relative(process.cwd(), file)}\n`);
