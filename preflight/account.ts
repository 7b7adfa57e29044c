/**
 * Which account the credentials belong to, compared with the accounts tenants/platform.yaml names.
 * Every other check runs only when they match: checking the wrong account proves nothing.
 */
import { GetCallerIdentityCommand, type STSClient } from "@aws-sdk/client-sts";
import type { Platform } from "../domain/tenant";
import { errorName } from "./aws-errors";
import { type CheckResult, resultsOf } from "./check";

const result = resultsOf("account");

/**
 * @example
 * const { account, result } = await identifyAccount(platform, aws.sts());
 */
export async function identifyAccount(
  platform: Platform,
  sts: Pick<STSClient, "send">,
): Promise<{ account?: string; result: CheckResult }> {
  const named = [...new Set([platform.national.account, ...platform.hubs.map((h) => h.account)])];
  let account: string | undefined;
  let arn: string | undefined;
  try {
    ({ Account: account, Arn: arn } = await sts.send(new GetCallerIdentityCommand({})));
  } catch (error) {
    return {
      result: result.fail(
        "credentials",
        `no usable AWS credentials (${errorName(error)}: ${error instanceof Error ? error.message : String(error)})`,
        "sign in (e.g. `aws sso login --profile <name>`) and pass --profile <name>, or set AWS_PROFILE",
      ),
    };
  }
  if (!account || !named.includes(account)) {
    return {
      result: result.fail(
        `account ${account ?? "?"}`,
        `the credentials are for account ${account ?? "?"}, tenants/platform.yaml names ${named.join(", ")}`,
        "put the account id in tenants/platform.yaml (`account:`), or use the credentials of that account (--profile)",
      ),
    };
  }
  return { account, result: result.pass(`account ${account}`, `credentials of ${arn ?? account}`) };
}
