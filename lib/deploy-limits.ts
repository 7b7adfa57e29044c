/**
 * AWS limits a deployment would hit, checked at synth so that the synth fails (naming the tenant,
 * the function or stack, and the size) instead of CloudFormation halfway through a deploy.
 *
 * - Lambda: all environment variables of a function together at most 4 KB
 *   (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).
 * - CloudFormation: at most 500 resources per stack, and a template uploaded to S3 (as the CDK
 *   does) at most 1 MB (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html).
 * - Contact flows: at most 256,000 characters of content (flows/flow-language.ts, checked by the
 *   flow verifier's structure rule, which fails the call stack's synth).
 */
import { statSync } from "node:fs";
import { Token, Tokenization } from "aws-cdk-lib";

export const LAMBDA_ENVIRONMENT_LIMIT_BYTES = 4096;
export const STACK_RESOURCE_LIMIT = 500;
/** Fail before the limit: a new agency or a CDK-added helper must still fit. */
export const STACK_RESOURCE_BUDGET = 450;
export const TEMPLATE_S3_LIMIT_BYTES = 1_048_576;
/** What an unresolved token (an ARN, a URL) is counted as: longer than the ARNs these stacks pass. */
export const TOKEN_ESTIMATE_BYTES = 128;

/**
 * Bytes Lambda counts for an environment (names and values, UTF-8), counting each unresolved
 * token as `TOKEN_ESTIMATE_BYTES`.
 *
 * @example
 * environmentBytes({ TABLE: "siaga112-71-71-incidents" }) // 29
 */
export function environmentBytes(environment: Readonly<Record<string, string>>): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(environment)) {
    bytes += Buffer.byteLength(name);
    if (!Token.isUnresolved(value)) {
      bytes += Buffer.byteLength(value);
      continue;
    }
    const estimate = Tokenization.reverseString(value)
      .mapTokens({ mapToken: () => "x".repeat(TOKEN_ESTIMATE_BYTES) })
      .join({ join: (left: unknown, right: unknown) => `${String(left)}${String(right)}` });
    bytes += Buffer.byteLength(String(estimate));
  }
  return bytes;
}

/**
 * Throws when a function's environment is over Lambda's 4 KB, naming the owner (tenant), the
 * function, the size and the largest variables.
 *
 * @example
 * checkEnvironmentSize("siaga112-71-71-escalation-relay", env, "tenant 71.71 (tenants/71.71-kota-manado.yaml)");
 */
export function checkEnvironmentSize(
  functionName: string,
  environment: Readonly<Record<string, string>>,
  owner: string,
): void {
  const bytes = environmentBytes(environment);
  if (bytes <= LAMBDA_ENVIRONMENT_LIMIT_BYTES) return;
  const largest = Object.entries(environment)
    .map(([name, value]) => [name, environmentBytes({ [name]: value })] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, size]) => `${name} ${size} bytes`);
  throw new Error(
    `${owner}: function ${functionName}: environment is ${bytes} bytes, over Lambda's ${LAMBDA_ENVIRONMENT_LIMIT_BYTES}-byte limit for all variables together (largest: ${largest.join(", ")}); move large values out of the environment (lib/tenant-config-layer.ts)`,
  );
}

/** What the checks need of a synthesized stack (a `CloudFormationStackArtifact` has it). */
export interface SynthesizedStack {
  readonly stackName: string;
  readonly template: { readonly Resources?: Record<string, unknown> };
  readonly templateFullPath: string;
}

/**
 * Problems of the synthesized stacks against CloudFormation's limits, one line per problem, each
 * naming the stack, its owner (`owners(stackName)`: a tenant, a hub, national) and the size.
 *
 * @example
 * deployLimitProblems(app.synth().stacks, (name) => ownerOf.get(name) ?? name) // []
 */
export function deployLimitProblems(
  stacks: readonly SynthesizedStack[],
  owners: (stackName: string) => string,
): string[] {
  const problems: string[] = [];
  for (const stack of stacks) {
    const resources = Object.keys(stack.template.Resources ?? {}).length;
    if (resources > STACK_RESOURCE_BUDGET) {
      problems.push(
        `${owners(stack.stackName)}: stack ${stack.stackName} has ${resources} resources, over the budget of ${STACK_RESOURCE_BUDGET} (CloudFormation refuses more than ${STACK_RESOURCE_LIMIT} per stack)`,
      );
    }
    const bytes = statSync(stack.templateFullPath).size;
    if (bytes > TEMPLATE_S3_LIMIT_BYTES) {
      problems.push(
        `${owners(stack.stackName)}: stack ${stack.stackName} template is ${bytes} bytes, over CloudFormation's ${TEMPLATE_S3_LIMIT_BYTES}-byte limit for a template in S3`,
      );
    }
  }
  return problems;
}
