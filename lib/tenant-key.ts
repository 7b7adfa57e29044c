/**
 * The per-tenant KMS key of one Region: encrypts the tenant's table, topics, queue, secret and logs.
 * Found by its alias (`alias/siaga112-<id>`), so other Regions' roles can be granted by alias.
 */
import { Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as kms from "aws-cdk-lib/aws-kms";
import { Construct } from "constructs";

export interface TenantKeyProps {
  /** Alias without its ARN, e.g. `alias/siaga112-71-71`. */
  readonly alias: string;
  /** Tenant code for the key description, e.g. `71.71`. */
  readonly tenantCode: string;
  /** What the key protects, for its description. @default "incidents, agency topics, secrets and logs" */
  readonly purpose?: string;
  /** Log groups (by name prefix) that may use the key, e.g. `/aws/lambda/siaga112-71-71-`. @default none */
  readonly logGroupPrefixes?: readonly string[];
  /** Let CloudWatch alarms publish to topics encrypted with this key. @default true */
  readonly allowAlarmNotifications?: boolean;
  /** Days before a deleted key is gone for good. @default 30 */
  readonly pendingWindowDays?: number;
}

/**
 * @example
 * const key = new TenantKey(this, "Key", { alias: "alias/siaga112-71-71", tenantCode: "71.71" });
 */
export class TenantKey extends Construct {
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: TenantKeyProps) {
    super(scope, id);
    if (!/^alias\/[A-Za-z0-9/_-]+$/.test(props.alias)) {
      throw new Error(
        `TenantKey props.alias "${props.alias}": expected "alias/<name>", e.g. alias/siaga112-71-71`,
      );
    }
    const pendingWindowDays = props.pendingWindowDays ?? 30;
    if (pendingWindowDays < 7 || pendingWindowDays > 30) {
      throw new Error(`TenantKey props.pendingWindowDays ${pendingWindowDays}: expected 7 to 30`);
    }
    const stack = Stack.of(this);
    this.key = new kms.Key(this, "Key", {
      alias: props.alias,
      description: `siaga112 ${props.tenantCode}: ${props.purpose ?? "incidents, agency topics, secrets and logs"}`,
      enableKeyRotation: true,
      pendingWindow: Duration.days(pendingWindowDays),
      // Deleting the key would make the retained incident table unreadable.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const prefix of props.logGroupPrefixes ?? []) {
      this.key.addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
          actions: [
            "kms:Encrypt*",
            "kms:Decrypt*",
            "kms:ReEncrypt*",
            "kms:GenerateDataKey*",
            "kms:Describe*",
          ],
          resources: ["*"],
          conditions: {
            ArnLike: {
              "kms:EncryptionContext:aws:logs:arn": `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:${prefix}*`,
            },
          },
        }),
      );
    }
    if (props.allowAlarmNotifications ?? true) {
      this.key.addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.ServicePrincipal("cloudwatch.amazonaws.com")],
          actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
          resources: ["*"],
          conditions: { StringEquals: { "aws:SourceAccount": stack.account } },
        }),
      );
    }
  }
}
