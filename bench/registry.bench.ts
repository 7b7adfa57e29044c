/**
 * Validating a registry covering all 514 kab/kota (509 tenant files: Jakarta's six administrative
 * kab/kota are one province-level tenant), generated from the official list.
 * Target: well under a second. Prints cold (first run in a fresh process: official list and phone
 * metadata loaded) and warm figures, from memory and from disk.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateRegistry, writeGeneratedRegistry } from "../registry/generated-registry";
import { loadRegistry, validateRegistry } from "../registry/load-registry";

const KAB_KOTA = 514;
const WARM_RUNS = 20;

const generated = generateRegistry(KAB_KOTA);
const options = { promptSets: ["default"] };

const coldStart = performance.now();
const cold = validateRegistry(generated.platform, generated.tenants, options);
const coldMs = performance.now() - coldStart;
if (cold.problems.length > 0) throw new Error(`generated registry has ${cold.problems.length} problems`);

const warm: number[] = [];
for (let i = 0; i < WARM_RUNS; i++) {
  const start = performance.now();
  validateRegistry(generated.platform, generated.tenants, options);
  warm.push(performance.now() - start);
}
warm.sort((a, b) => a - b);

const dir = join(mkdtempSync(join(tmpdir(), "siaga112-bench-")), "tenants");
writeGeneratedRegistry(dir, KAB_KOTA);
const diskStart = performance.now();
const fromDisk = loadRegistry({ dir, promptsDir: "prompts" });
const diskMs = performance.now() - diskStart;
rmSync(dir, { recursive: true, force: true });

console.log(`tenants validated:          ${cold.tenants.length} (covering ${KAB_KOTA} kab/kota)`);
console.log(`cold, from memory:          ${coldMs.toFixed(0)} ms`);
console.log(
  `warm, from memory (median): ${warm[Math.floor(WARM_RUNS / 2)].toFixed(0)} ms (min ${warm[0].toFixed(0)}, max ${warm[WARM_RUNS - 1].toFixed(0)})`,
);
console.log(`from disk (read + validate): ${diskMs.toFixed(0)} ms, ${fromDisk.problems.length} problems`);
console.log(`peak RSS:                   ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
