/**
 * Amazon Connect per-instance quotas and what one tenant consumes of them.
 * The call stack must keep the per-tenant figures true (a test counts its resources).
 */
import type { HubQuotas } from "./tenant";

/** AWS default quotas per instance; only `lambdaFunctions` cannot be raised. */
export const DEFAULT_HUB_QUOTAS: HubQuotas = {
  lambdaFunctions: 50,
  queues: 50,
  contactFlows: 100,
  phoneNumbers: 5,
};

/** The hard ceiling: Lambda functions per instance is not adjustable. */
export const MAX_LAMBDA_FUNCTIONS_PER_INSTANCE = 50;

/** What one tenant's call stack creates in its hub's instance. */
export const PER_TENANT_USE: HubQuotas = {
  lambdaFunctions: 1, // the intake function
  queues: 1, // the tenant's 112 queue
  contactFlows: 2, // inbound 112 flow and customer-queue (hold) flow
  phoneNumbers: 1, // the tenant's DID
};

/**
 * How many tenants a hub with these quotas can hold.
 *
 * @example
 * hubCapacity(DEFAULT_HUB_QUOTAS) // 5 (phone numbers bind first)
 */
export function hubCapacity(quotas: HubQuotas): number {
  return Math.min(
    ...(Object.keys(PER_TENANT_USE) as (keyof HubQuotas)[]).map((k) =>
      Math.floor(quotas[k] / PER_TENANT_USE[k]),
    ),
  );
}
