/**
 * Every Region a stack lives in is bootstrapped for the CDK: the bootstrap stack (`CDKToolkit`)
 * writes its template version to an SSM parameter, and every synthesized template refuses to
 * deploy when that version is missing or below 6 (the `CheckBootstrapVersion` rule).
 * https://docs.aws.amazon.com/cdk/v2/guide/bootstrapping-env.html
 */
import { GetParameterCommand, type SSMClient } from "@aws-sdk/client-ssm";
import { eachRegion, errorName } from "../aws-errors";
import { type PreflightCheck, resultsOf } from "../check";

/**
 * The parameter the CDK reads, with the default qualifier (the app sets no other). Written out
 * rather than read from aws-cdk-lib (preflight is an SDK tool, not CDK); a test pins it to
 * `DefaultStackSynthesizer`'s value.
 */
export const BOOTSTRAP_VERSION_PARAMETER = "/cdk-bootstrap/hnb659fds/version";

/** aws-cdk-lib's DefaultStackSynthesizer requires bootstrap version 6 or later (MIN_BOOTSTRAP_STACK_VERSION). */
export const MIN_BOOTSTRAP_VERSION = 6;

const ID = "cdk-bootstrap";
const result = resultsOf(ID);

export const cdkBootstrap: PreflightCheck = {
  id: ID,
  title: `every Region the stacks use is bootstrapped (${BOOTSTRAP_VERSION_PARAMETER} >= ${MIN_BOOTSTRAP_VERSION})`,
  calls: ["ssm:GetParameter"],
  source: "https://docs.aws.amazon.com/cdk/v2/guide/bootstrapping-env.html",
  run: (target, aws) =>
    eachRegion(target.regions, ID, "ssm:GetParameter", async (region) => {
      const bootstrap = `npx cdk bootstrap aws://${target.account}/${region}`;
      const version = await bootstrapVersion(aws.ssm(region));
      if (version === undefined) {
        return result.fail(
          region,
          `not bootstrapped (${BOOTSTRAP_VERSION_PARAMETER} does not exist)`,
          `\`${bootstrap}\` (once the Region is enabled)`,
        );
      }
      if (Number.isInteger(Number(version)) && Number(version) >= MIN_BOOTSTRAP_VERSION) {
        return result.pass(region, `bootstrap version ${version}`);
      }
      return result.fail(
        region,
        `bootstrap version "${version}" is older than ${MIN_BOOTSTRAP_VERSION}`,
        `bootstrap again with this repository's CDK: \`${bootstrap}\``,
      );
    }),
};

/** The recorded version, or undefined when the parameter does not exist. */
async function bootstrapVersion(ssm: Pick<SSMClient, "send">): Promise<string | undefined> {
  try {
    const { Parameter } = await ssm.send(new GetParameterCommand({ Name: BOOTSTRAP_VERSION_PARAMETER }));
    return Parameter?.Value ?? "";
  } catch (error) {
    if (errorName(error) === "ParameterNotFound") return undefined;
    throw error;
  }
}
