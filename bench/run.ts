/**
 * Runs every benchmark under bench/ (files named `*.bench.ts`), one child process each so that
 * memory figures are not shared, and prints what each one prints.
 * `npm run bench` runs all; `npm run bench -- registry` runs those whose name contains "registry".
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const filter = process.argv[2];
const benches = readdirSync(__dirname)
  .filter((f) => f.endsWith(".bench.ts") && (!filter || f.includes(filter)))
  .sort();
let failed = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench} ===`);
  const result = spawnSync(process.execPath, ["--import", "tsx", "--expose-gc", join(__dirname, bench)], {
    stdio: "inherit",
  });
  if (result.status !== 0) failed++;
}
if (failed > 0) {
  console.error(`${failed} benchmark(s) failed`);
  process.exitCode = 1;
}
