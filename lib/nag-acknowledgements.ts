/**
 * Acknowledging cdk-nag findings precisely. cdk-nag v3 matches each finding by its exact id
 * (`AwsSolutions-IAM5[Resource::<Table.Arn>/index/*]`), so wildcard findings are acknowledged
 * resource by resource, with the resource rendered the way cdk-nag renders it.
 */
import { Stack, Validations } from "aws-cdk-lib";
import { flattenCfnReference } from "cdk-nag/lib/utils/flatten-cfn-reference";
import type { IConstruct } from "constructs";

/**
 * Acknowledges `AwsSolutions-IAM5` for each wildcard resource and action of a statement, on `scope`
 * (the role or policy holding it, or an ancestor).
 *
 * @example
 * acknowledgeWildcards(fn.role, { resources: [`${table.tableArn}/index/*`] }, "Queries this tenant's table indexes");
 */
export function acknowledgeWildcards(
  scope: IConstruct,
  statement: { readonly resources?: readonly string[]; readonly actions?: readonly string[] },
  reason: string,
): void {
  if (reason.trim().length < 20) {
    throw new Error(
      `acknowledgeWildcards reason "${reason}": explain in a sentence why the wildcard is needed`,
    );
  }
  const stack = Stack.of(scope);
  const ids = [
    ...(statement.resources ?? [])
      .map((resource) => flattenCfnReference(stack.resolve(resource)))
      .filter((flat) => flat.includes("*"))
      .map((flat) => `AwsSolutions-IAM5[Resource::${flat}]`),
    ...(statement.actions ?? []).filter((a) => a.includes("*")).map((a) => `AwsSolutions-IAM5[Action::${a}]`),
  ];
  for (const id of new Set(ids)) Validations.of(scope).acknowledge({ id, reason });
}

/** Construct id of the provider function `AwsCustomResource` shares within a stack. */
const PROVIDER_ID = "AWS679f53fac002430cb0da5b7982bd2287";

/**
 * The `AwsCustomResource` provider is an aws-cdk-lib singleton per stack: acknowledges its findings
 * on it, not on the stack. Call after creating an `AwsCustomResource`.
 *
 * @example
 * new cr.AwsCustomResource(this, "Call", { ... });
 * acknowledgeCustomResourceProvider(Stack.of(this));
 */
export function acknowledgeCustomResourceProvider(stack: Stack): void {
  const provider = stack.node.tryFindChild(PROVIDER_ID);
  if (!provider) return;
  Validations.of(provider).acknowledge(
    {
      id: "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
      reason:
        "The AwsCustomResource provider (aws-cdk-lib singleton) uses the basic execution role only to write its own logs",
    },
    {
      id: "AwsSolutions-L1",
      reason: "The AwsCustomResource provider's runtime is chosen and kept current by aws-cdk-lib",
    },
  );
}
