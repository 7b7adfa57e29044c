/**
 * Resolves `tenants/platform.yaml`: the national stack's home and the Connect hubs.
 */
import { DEFAULT_HUB_QUOTAS, MAX_LAMBDA_FUNCTIONS_PER_INSTANCE } from "../domain/connect-quotas";
import type { Platform } from "../domain/tenant";
import type { Problem } from "./problem";
import type { PlatformFile } from "./tenant-file-schema";

/**
 * Applies defaults (accounts, instance aliases, AWS default quotas) and checks hub ids are unique.
 *
 * @example
 * resolvePlatform("tenants/platform.yaml", parsed) // { platform, problems: [] }
 */
export function resolvePlatform(
  file: string,
  parsed: PlatformFile,
): { platform: Platform; problems: Problem[] } {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  parsed.hubs.forEach((hub, i) => {
    if (seen.has(hub.id)) {
      problems.push({
        file,
        path: `hubs[${i}].id`,
        value: hub.id,
        message: "duplicate hub id; each hub needs its own id",
      });
    }
    seen.add(hub.id);
    const lambdas = hub.quotas.lambdaFunctions;
    if (lambdas !== undefined && lambdas > MAX_LAMBDA_FUNCTIONS_PER_INSTANCE) {
      problems.push({
        file,
        path: `hubs[${i}].quotas.lambdaFunctions`,
        value: lambdas,
        message: `Connect allows at most ${MAX_LAMBDA_FUNCTIONS_PER_INSTANCE} Lambda functions per instance and this quota cannot be raised`,
      });
    }
  });
  const platform: Platform = {
    national: { account: parsed.national.account ?? parsed.account, region: parsed.national.region },
    hubs: parsed.hubs.map((hub) => ({
      id: hub.id,
      account: hub.account ?? parsed.account,
      connectRegion: hub.connectRegion,
      instanceAlias: hub.instanceAlias ?? `siaga112-${hub.id}`,
      quotas: { ...DEFAULT_HUB_QUOTAS, ...definedOnly(hub.quotas) },
    })),
    ...(parsed.console ? { console: { origin: parsed.console.url.replace(/\/$/, "") } } : {}),
  };
  return { platform, problems };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
