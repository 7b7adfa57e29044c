/**
 * Turns an SDK error into an `unknown` result that says what to do, so one denied call or one
 * Region that does not answer never hides the other checks.
 */
import type { CheckResult } from "./check";

/** Error names the SDK clients use for a denied call (SNS says AuthorizationError). */
const DENIED = new Set([
  "AccessDeniedException",
  "AccessDenied",
  "AuthorizationErrorException",
  "AuthorizationError",
  "UnauthorizedOperation",
]);

/** What calls into a Region that is not enabled for the account may answer (not verified; see docs/deploy.md). */
const REGION_NOT_ENABLED = new Set([
  "UnrecognizedClientException",
  "InvalidClientTokenId",
  "OptInRequired",
  "AuthFailure",
]);

/**
 * The error's SDK name.
 *
 * @example
 * errorName(new ParameterNotFound({ message: "", $metadata: {} })) // "ParameterNotFound"
 */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : "Error";
}

/**
 * @example
 * cannotCheck("sms-sandbox", "ap-southeast-3", error, "sns:GetSMSSandboxAccountStatus", "ap-southeast-3")
 * // { status: "unknown", detail: "sns:GetSMSSandboxAccountStatus was denied (AuthorizationErrorException)", fix: "allow …" }
 */
export function cannotCheck(
  check: string,
  subject: string,
  error: unknown,
  action: string,
  region?: string,
): CheckResult {
  const name = errorName(error);
  const message = error instanceof Error ? error.message : String(error);
  if (DENIED.has(name)) {
    return {
      check,
      subject,
      status: "unknown",
      detail: `${action} was denied (${name})`,
      fix: `allow ${action} to the identity running preflight (read-only), then run it again`,
    };
  }
  if (REGION_NOT_ENABLED.has(name)) {
    return {
      check,
      subject,
      status: "unknown",
      detail: `${action} was refused with ${name}: ${message}`,
      fix: `check that Region ${region ?? subject} is enabled for the account (check region-enabled), then run preflight again`,
    };
  }
  return {
    check,
    subject,
    status: "unknown",
    detail: `${action} failed: ${name}: ${message}`,
    fix: "run preflight again; if the error stays, check the credentials (--profile) and the Region",
  };
}

/**
 * Runs one look per Region in parallel; a look that throws becomes that Region's `unknown` result.
 *
 * @example
 * eachRegion(target.smsRegions, "sms-type", "sns:GetSMSAttributes", async (region) => result.pass(region, "ok"))
 */
export function eachRegion(
  regions: readonly string[],
  check: string,
  action: string,
  look: (region: string) => Promise<CheckResult>,
): Promise<CheckResult[]> {
  return Promise.all(
    regions.map(async (region) => {
      try {
        return await look(region);
      } catch (error) {
        return cannotCheck(check, region, error, action, region);
      }
    }),
  );
}
