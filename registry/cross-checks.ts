/**
 * Rules that span files: duplicate codes and numbers, and hubs holding more tenants than their
 * Connect quotas allow.
 */
import { PER_TENANT_USE } from "../domain/connect-quotas";
import type { HubQuotas, Platform, Tenant } from "../domain/tenant";
import type { Problem } from "./problem";

const QUOTA_NAMES: Record<keyof HubQuotas, string> = {
  lambdaFunctions: "Lambda functions",
  queues: "queues",
  contactFlows: "contact flows",
  phoneNumbers: "phone numbers",
};

/**
 * Problems between tenant files (each reported on the later file, naming the earlier one).
 *
 * @example
 * crossCheck(tenants, platform, "tenants/platform.yaml") // []
 */
export function crossCheck(tenants: readonly Tenant[], platform: Platform, platformFile: string): Problem[] {
  const problems: Problem[] = [];
  const byCode = new Map<string, Tenant>();
  const byNumber = new Map<string, Tenant>();
  for (const tenant of tenants) {
    const earlier = byCode.get(tenant.code);
    if (earlier) {
      problems.push({
        file: tenant.file,
        path: "code",
        value: tenant.code,
        message: `duplicate code: ${earlier.file} already holds it`,
      });
    } else byCode.set(tenant.code, tenant);

    for (const [path, own] of [
      ["phone.numberArn", tenant.phone.numberArn],
      ["phone.did", tenant.phone.did],
    ] as const) {
      if (!own) continue;
      const holder = byNumber.get(own);
      if (holder) {
        problems.push({
          file: tenant.file,
          path,
          value: own,
          message: `number already used by ${holder.file}; each tenant needs its own number`,
        });
      } else byNumber.set(own, tenant);
    }
  }

  platform.hubs.forEach((hub, i) => {
    const members = tenants.filter((t) => t.hub.id === hub.id);
    for (const quota of Object.keys(PER_TENANT_USE) as (keyof HubQuotas)[]) {
      const needed = members.length * PER_TENANT_USE[quota];
      if (needed > hub.quotas[quota]) {
        problems.push({
          file: platformFile,
          path: `hubs[${i}]`,
          value: hub.id,
          message: `holds ${members.length} tenants needing ${needed} ${QUOTA_NAMES[quota]}, over the instance quota of ${hub.quotas[quota]}; move tenants to another hub or raise quotas.${quota} after AWS raises it`,
        });
      }
    }
  });
  return problems;
}
