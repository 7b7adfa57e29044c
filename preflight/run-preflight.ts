/**
 * Runs the checks against one account: identify the account first, then every check in order.
 * Nothing here writes to the account, and a check that throws becomes an `unknown` result.
 */
import type { Platform, Tenant } from "../domain/tenant";
import { identifyAccount } from "./account";
import { PREFLIGHT_CHECKS } from "./all-checks";
import type { AwsClients } from "./aws-clients";
import { cannotCheck } from "./aws-errors";
import { type CheckResult, type PreflightCheck, resultsOf } from "./check";
import { preflightTarget, type TargetOptions } from "./target";

export interface PreflightOptions extends TargetOptions {
  /** The checks to run; default every check. */
  readonly checks?: readonly PreflightCheck[];
}

/**
 * @example
 * const results = await runPreflight(requireRegistry(), sdkClients({ profile: "prod" }));
 */
export async function runPreflight(
  registry: { readonly platform: Platform; readonly tenants: readonly Tenant[] },
  aws: AwsClients,
  options: PreflightOptions = {},
): Promise<CheckResult[]> {
  const identity = await identifyAccount(registry.platform, aws.sts());
  if (!identity.account) return [identity.result];
  const { target, elsewhere } = preflightTarget(
    registry.platform,
    registry.tenants,
    identity.account,
    options,
  );
  const results: CheckResult[] = [
    identity.result,
    ...elsewhere.map((part) =>
      resultsOf("account").unknown(
        part,
        "lives in another account: not checked",
        "run preflight again with credentials for that account",
      ),
    ),
  ];
  // One check after the other: Connect allows about 2 requests a second per account.
  for (const check of options.checks ?? PREFLIGHT_CHECKS) {
    try {
      results.push(...(await check.run(target, aws)));
    } catch (error) {
      results.push(cannotCheck(check.id, "(whole check)", error, check.calls.join(", ")));
    }
  }
  return results;
}
