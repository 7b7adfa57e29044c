/**
 * Where a function finds its tenant's runtime configuration (domain/tenant-runtime.ts). Deployed,
 * it is a file of the tenant's configuration layer (`SIAGA112_TENANT_FILE`, `/opt/siaga112/tenant.json`):
 * a realistic tenant's configuration (13 agencies with official names) is over Lambda's 4 KB limit
 * for all environment variables together, and a layer keeps the function bundle shared by every
 * tenant. Locally and in tests the JSON may come in `SIAGA112_TENANT` itself. Read once per cold
 * start, from the local disk: no network call.
 */
import { readFileSync } from "node:fs";
import {
  parseRuntimeConfig,
  RuntimeConfigError,
  type TenantRuntimeConfig,
} from "../../domain/tenant-runtime";
import { ENV } from "./environment";

/**
 * The tenant's runtime configuration from `SIAGA112_TENANT_FILE` (a path) or `SIAGA112_TENANT` (the JSON).
 *
 * @example
 * const tenant = readRuntimeConfig(process.env);
 */
export function readRuntimeConfig(env: Readonly<Record<string, string | undefined>>): TenantRuntimeConfig {
  const file = env[ENV.tenantFile];
  if (file) {
    let json: string;
    try {
      json = readFileSync(file, "utf8");
    } catch (error) {
      throw new RuntimeConfigError(
        `${ENV.tenantFile} "${file}": cannot read it (${(error as Error).message}); expected the tenant configuration layer's file`,
      );
    }
    return parseRuntimeConfig(json);
  }
  return parseRuntimeConfig(env[ENV.tenant]);
}
