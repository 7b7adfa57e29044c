/**
 * Reads every identity policy out of synthesized templates and finds grants that cross tenants or
 * put a data-plane action on `*`.
 */

import { tenantNames } from "../../domain/naming";
import type { Tenant } from "../../domain/tenant";

export interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource?: unknown;
  readonly NotResource?: unknown;
  readonly Condition?: unknown;
}

export interface FoundStatement {
  readonly stack: string;
  readonly resource: string;
  readonly statement: Statement;
}

type Template = { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };

/** Statements of every `AWS::IAM::Policy` and every inline policy of `AWS::IAM::Role`. */
export function identityStatements(stack: string, template: unknown): FoundStatement[] {
  const found: FoundStatement[] = [];
  for (const [id, resource] of Object.entries((template as Template).Resources)) {
    const documents: unknown[] = [];
    if (resource.Type === "AWS::IAM::Policy") documents.push(resource.Properties?.PolicyDocument);
    if (resource.Type === "AWS::IAM::Role") {
      for (const policy of (resource.Properties?.Policies as { PolicyDocument: unknown }[] | undefined) ??
        []) {
        documents.push(policy.PolicyDocument);
      }
    }
    for (const document of documents) {
      for (const statement of (document as { Statement: Statement[] }).Statement) {
        found.push({ stack, resource: id, statement });
      }
    }
  }
  return found;
}

/** Names that identify a tenant's table, keys, topics, secret, schedules, queue and console settings in an ARN or condition. */
export function tenantResourceMarkers(tenant: Tenant): string[] {
  const names = tenantNames(tenant);
  const exact = [
    names.incidentTable,
    names.keyAlias,
    names.callKeyAlias,
    names.deadLetterQueue,
    names.operationsTopic,
  ];
  return [
    ...exact.flatMap((name) => [`${name}"`, `${name}/`, `${name}:`]),
    names.agencyTopicPrefix,
    `schedule/${names.scheduleGroup}/`,
    `secret:${names.signingSecret}`,
    `/${names.consoleConfig}`,
  ];
}

/** Statements of `owner`'s stacks that name another tenant's resources. */
export function crossTenantGrants(
  owner: Tenant,
  statements: readonly FoundStatement[],
  tenants: readonly Tenant[],
): { statement: FoundStatement; other: string; marker: string }[] {
  const problems: { statement: FoundStatement; other: string; marker: string }[] = [];
  for (const found of statements) {
    const text = JSON.stringify([found.statement.Resource, found.statement.Condition]);
    for (const other of tenants) {
      if (other.code === owner.code) continue;
      for (const marker of tenantResourceMarkers(other)) {
        if (text.includes(marker)) problems.push({ statement: found, other: other.code, marker });
      }
    }
  }
  return problems;
}

const DATA_PLANE =
  /^(\*|[a-z0-9-]+:\*|dynamodb:(Get|Put|Update|Delete|BatchGet|BatchWrite|Query|Scan|TransactWrite|TransactGet|ConditionCheck)|sns:Publish|sqs:(SendMessage|ReceiveMessage|DeleteMessage)|kms:(Decrypt|Encrypt|GenerateDataKey|ReEncrypt)|secretsmanager:GetSecretValue|s3:(GetObject|PutObject|DeleteObject)|events:PutEvents|scheduler:(Create|Delete|Update)Schedule|lambda:InvokeFunction|logs:PutLogEvents)/;

/**
 * The one allowed grant on everything-but: SNS Publish to phone numbers (a caller's SMS), written as
 * `NotResource` every SNS ARN, so it reaches no topic of any tenant.
 */
export function isSmsToPhoneNumbersOnly(statement: Statement): boolean {
  const actions = [statement.Action].flat();
  const excluded = JSON.stringify(statement.NotResource);
  const everySnsArn =
    excluded === JSON.stringify(["arn:aws:sns:*:*:*"]) ||
    excluded === JSON.stringify("arn:aws:sns:*:*:*") ||
    excluded === JSON.stringify({ "Fn::Join": ["", ["arn:", { Ref: "AWS::Partition" }, ":sns:*:*:*"]] });
  return (
    actions.length === 1 && actions[0] === "sns:Publish" && everySnsArn && statement.Resource === undefined
  );
}

/**
 * Allow statements granting a data-plane action on the resource `*`, or on everything but some
 * resources (`NotResource`), except SMS to phone numbers only.
 */
export function dataPlaneOnStar(statements: readonly FoundStatement[]): FoundStatement[] {
  return statements.filter((found) => {
    if (found.statement.Effect !== "Allow") return false;
    const resources = [found.statement.Resource].flat();
    const everything =
      resources.includes("*") ||
      (found.statement.NotResource !== undefined && !isSmsToPhoneNumbersOnly(found.statement));
    if (!everything) return false;
    return [found.statement.Action].flat().some((action) => DATA_PLANE.test(action));
  });
}
