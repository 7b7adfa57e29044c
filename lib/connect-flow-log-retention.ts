/**
 * Retention (and key) of the log group Amazon Connect writes contact flow logs to,
 * `/aws/connect/<instance alias>`, without owning it. Connect creates that group itself when flow
 * logging is on ("This log group is created automatically when Enable flow logging is enabled for
 * your instance":
 * https://docs.aws.amazon.com/connect/latest/adminguide/contact-flow-logs-stored-in-cloudwatch.html),
 * so an `AWS::Logs::LogGroup` of the same name races it and fails with "already exists".
 *
 * Instead, after the instance exists, three SDK calls (custom resources), each idempotent:
 * `CreateLogGroup` (an "already exists" answer is success: whoever came first made it),
 * `AssociateKmsKey` and `PutRetentionPolicy`. Deleting the stack leaves the group and its logs.
 * Sources: https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html,
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html,
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_AssociateKmsKey.html
 */
import { Stack } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import * as logs from "aws-cdk-lib/aws-logs";
import * as cr from "aws-cdk-lib/custom-resources";
import { Construct, type IDependable } from "constructs";
import { acknowledgeCustomResourceProvider, acknowledgeWildcards } from "./nag-acknowledgements";

export interface ConnectFlowLogRetentionProps {
  /** The instance alias: Connect's group is `/aws/connect/<alias>`. */
  readonly instanceAlias: string;
  /** Made before any call: the instance (Connect creates the group with it). */
  readonly after: IDependable;
  /** @default logs.RetentionDays.ONE_MONTH */
  readonly retention?: logs.RetentionDays;
  /** Key for the group (its policy must let CloudWatch Logs use it). @default AWS-owned key */
  readonly key?: kms.IKey;
}

/**
 * @example
 * new ConnectFlowLogRetention(this, "FlowLogs", { instanceAlias: "siaga112-jawa-1", after: instance, key });
 */
export class ConnectFlowLogRetention extends Construct {
  /** `/aws/connect/<alias>`. */
  readonly logGroupName: string;
  readonly retentionDays: number;

  constructor(scope: Construct, id: string, props: ConnectFlowLogRetentionProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.logGroupName = `/aws/connect/${props.instanceAlias}`;
    this.retentionDays = props.retention ?? logs.RetentionDays.ONE_MONTH;
    const groupArn = `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:${this.logGroupName}`;
    const physicalId = cr.PhysicalResourceId.of(this.logGroupName);
    const call = (name: string, action: string, parameters: Record<string, unknown>, extra = {}) => {
      const sdk: cr.AwsSdkCall = {
        service: "CloudWatchLogs",
        action,
        parameters,
        physicalResourceId: physicalId,
        ...extra,
      };
      const resource = new cr.AwsCustomResource(this, name, {
        resourceType: "Custom::ConnectFlowLogGroup",
        onCreate: sdk,
        onUpdate: sdk,
        policy: cr.AwsCustomResourcePolicy.fromStatements([
          new iam.PolicyStatement({ actions: [`logs:${action}`], resources: [groupArn, `${groupArn}:*`] }),
        ]),
        installLatestAwsSdk: false,
      });
      acknowledgeWildcards(
        resource,
        { resources: [`${groupArn}:*`] },
        "CloudWatch Logs names a log group in IAM with a trailing :* (its streams); this is Connect's flow-log group only",
      );
      return resource;
    };
    const ensure = call(
      "Ensure",
      "CreateLogGroup",
      { logGroupName: this.logGroupName },
      { ignoreErrorCodesMatching: "ResourceAlreadyExistsException" },
    );
    ensure.node.addDependency(props.after);
    const retention = call("Retention", "PutRetentionPolicy", {
      logGroupName: this.logGroupName,
      retentionInDays: this.retentionDays,
    });
    retention.node.addDependency(ensure);
    if (props.key) {
      const key = call("Key", "AssociateKmsKey", {
        logGroupName: this.logGroupName,
        kmsKeyId: props.key.keyArn,
      });
      key.node.addDependency(ensure);
    }
    acknowledgeCustomResourceProvider(stack);
  }
}
