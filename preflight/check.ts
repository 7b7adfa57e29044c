/**
 * The shape every preflight check shares, cdk-nag style: one check per file under `checks/`, each
 * a read-only look at the account that returns one result per thing it looked at.
 */
import type { AwsClients } from "./aws-clients";
import type { PreflightTarget } from "./target";

export const CHECK_STATUSES = ["pass", "warn", "fail", "unknown"] as const;
/**
 * `fail`: a deploy or a live city would break; `warn`: works, but not as the platform intends;
 * `unknown`: could not be checked (no API, no permission, or an error), with what to do instead.
 */
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export interface CheckResult {
  /** Id of the check that produced it, e.g. `sms-sandbox`. */
  readonly check: string;
  /** What was looked at: a Region, a hub, a tenant's number, a topic. */
  readonly subject: string;
  readonly status: CheckStatus;
  /** What was found, in one sentence. */
  readonly detail: string;
  /** What to do about it; every result that is not `pass` has one. */
  readonly fix?: string;
}

export interface PreflightCheck {
  readonly id: string;
  /** One line for `--help`: what must be true. */
  readonly title: string;
  /** The read-only SDK calls it makes, for `--help` and the IAM policy of whoever runs it. */
  readonly calls: readonly string[];
  /** The AWS page the check relies on. */
  readonly source: string;
  run(target: PreflightTarget, aws: AwsClients): Promise<CheckResult[]>;
}

/**
 * Builds results of one check without repeating its id.
 *
 * @example
 * const result = resultsOf("sms-sandbox");
 * result.fail("ap-southeast-3", "the account is in the SMS sandbox", "move it out: …");
 */
export function resultsOf(check: string) {
  return {
    pass: (subject: string, detail: string): CheckResult => ({ check, subject, status: "pass", detail }),
    warn: (subject: string, detail: string, fix: string): CheckResult => ({
      check,
      subject,
      status: "warn",
      detail,
      fix,
    }),
    fail: (subject: string, detail: string, fix: string): CheckResult => ({
      check,
      subject,
      status: "fail",
      detail,
      fix,
    }),
    unknown: (subject: string, detail: string, fix: string): CheckResult => ({
      check,
      subject,
      status: "unknown",
      detail,
      fix,
    }),
  };
}
