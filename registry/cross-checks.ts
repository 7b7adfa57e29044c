/**
 * Rules that span files: duplicate codes and numbers, and hubs holding more tenants than their
 * Connect quotas allow.
 */
import { PER_TENANT_USE } from "../domain/connect-quotas";
import type { HubQuotas, Platform } from "../domain/tenant";
import type { Problem } from "./problem";

const QUOTA_NAMES: Record<keyof HubQuotas, string> = {
  lambdaFunctions: "Lambda functions",
  queues: "queues",
  contactFlows: "contact flows",
  phoneNumbers: "phone numbers",
};

/** What the rules across files need of one tenant file: read from its view, valid or not. */
export interface TenantEntry {
  readonly file: string;
  readonly code?: string;
  readonly hub?: string;
  /** The tenant's own numbers and the fields they are in (`phone.numberArn`, `phone.did`). */
  readonly numbers?: readonly { readonly path: string; readonly value: string }[];
}

/**
 * Problems between tenant files (each reported on the later file, naming the earlier one). Files
 * with problems of their own take part too, so every problem shows in one run.
 *
 * @example
 * crossCheck([{ file: "tenants/71.71-kota-manado.yaml", code: "71.71", hub: "timur-1" }], platform, "tenants/platform.yaml") // []
 */
export function crossCheck(
  entries: readonly TenantEntry[],
  platform: Platform,
  platformFile: string,
): Problem[] {
  const problems: Problem[] = [];
  const byCode = new Map<string, TenantEntry>();
  const byNumber = new Map<string, TenantEntry>();
  for (const entry of entries) {
    const earlier = entry.code === undefined ? undefined : byCode.get(entry.code);
    if (earlier) {
      problems.push({
        file: entry.file,
        path: "code",
        value: entry.code,
        message: `duplicate code: ${earlier.file} already holds it`,
      });
    } else if (entry.code !== undefined) byCode.set(entry.code, entry);

    for (const own of entry.numbers ?? []) {
      const holder = byNumber.get(own.value);
      if (holder) {
        problems.push({
          file: entry.file,
          path: own.path,
          value: own.value,
          message: `number already used by ${holder.file}; each tenant needs its own number`,
        });
      } else byNumber.set(own.value, entry);
    }
  }

  platform.hubs.forEach((hub, i) => {
    const members = entries.filter((t) => t.hub === hub.id);
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
