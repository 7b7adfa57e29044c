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
