/**
 * The deps every tenant function shares (its tenant, table, clock, log and metrics), built from
 * the environment once per cold start, with the middy middlewares of its observability.
 */
import { ENV } from "./environment";
import type { TenantDeps } from "./ports";
import { type Observability, observability } from "./powertools";
import { readRuntimeConfig } from "./runtime-config";
import { documentClient, requireEnv } from "./table-client";

/**
 * @example
 * const { deps, middlewares } = tenantDepsFromEnv("ack");
 */
export function tenantDepsFromEnv(service: string): {
  deps: TenantDeps;
  middlewares: Observability["middlewares"];
} {
  const tenant = readRuntimeConfig(process.env);
  const { log, metrics, middlewares } = observability(service, tenant.code);
  const deps: TenantDeps = {
    tenant,
    db: documentClient(),
    tableName: requireEnv(ENV.tableName),
    clock: Date,
    log,
    metrics,
  };
  return { deps, middlewares };
}
