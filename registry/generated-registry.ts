/**
 * Generates a registry of real kab/kota from the official list, for benchmarks and scale tests:
 * every tenant is a scaffold (`tenant add`), spread over as many hubs as the Connect quotas need.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { dump } from "js-yaml";
import { MAX_LAMBDA_FUNCTIONS_PER_INSTANCE } from "../domain/connect-quotas";
import type { SourceFile } from "./load-registry";
import { officialRegions, slugOf } from "./official-regions";
import { scaffoldTenant } from "./scaffold-tenant";

/** Tenants per generated hub: the Lambda-function quota (50, not adjustable) binds. */
export const TENANTS_PER_GENERATED_HUB = MAX_LAMBDA_FUNCTIONS_PER_INSTANCE;

/**
 * Tenants covering the first `count` kab/kota of the official list (in code order, at most 514) plus a
 * platform file. Jakarta's six administrative kab/kota are covered by one province-level tenant `31`,
 * as in reality, so all 514 give 509 tenant files.
 *
 * @example
 * const { platform, tenants } = generateRegistry(50, "bench/out/tenants");
 */
export function generateRegistry(
  count: number,
  dir = "tenants",
): { platform: SourceFile; tenants: SourceFile[] } {
  const { regencies, byCode } = officialRegions();
  if (!Number.isInteger(count) || count < 1 || count > regencies.length) {
    throw new RangeError(
      `count ${count}: expected a whole number from 1 to ${regencies.length} (kab/kota in the official list)`,
    );
  }
  const chosen = [
    ...new Set(regencies.slice(0, count).map((r) => (r.administrative ? byCode.get(r.province.code) : r))),
  ].filter((r) => r !== undefined);
  const hubCount = Math.ceil(count / TENANTS_PER_GENERATED_HUB);
  const hubId = (i: number) =>
    `hub-${String(Math.floor(i / TENANTS_PER_GENERATED_HUB) + 1).padStart(2, "0")}`;
  const platform = {
    account: "111111111111",
    national: { region: "ap-southeast-3" },
    hubs: Array.from({ length: hubCount }, (_, h) => ({
      id: hubId(h * TENANTS_PER_GENERATED_HUB),
      connectRegion: "ap-southeast-1",
      quotas: { queues: 100, contactFlows: 200, phoneNumbers: 100 },
    })),
    console: { url: "https://d111111abcdef8.cloudfront.net" },
  };
  return {
    platform: { file: join(dir, "platform.yaml"), text: dump(platform) },
    tenants: chosen.map((region, i) => ({
      file: join(dir, `${region.code}-${slugOf(region.officialName)}.yaml`),
      text: scaffoldTenant(region, hubId(i)),
    })),
  };
}

/**
 * Writes a generated registry to `dir` (created if missing) and returns the folder.
 *
 * @example
 * writeGeneratedRegistry("bench/out/tenants-514", 514);
 */
export function writeGeneratedRegistry(dir: string, count: number): string {
  mkdirSync(dir, { recursive: true });
  const { platform, tenants } = generateRegistry(count, dir);
  for (const source of [platform, ...tenants]) writeFileSync(source.file, source.text);
  return dir;
}
