/**
 * One hub (`siaga112-hub-<hubId>`): the Amazon Connect instance several tenants share, in the hub's
 * Connect Region, with its instance-wide alarms, and the console site as an approved origin so its
 * pages may embed the instance's contact control panel (amazon-connect-streams); an origin is a
 * scheme, host and port
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-connect-approvedorigin.html,
 * https://docs.aws.amazon.com/connect/latest/adminguide/upgrade-ccp-streams-api.html).
 */
import { Stack, type StackProps } from "aws-cdk-lib";
import * as connect from "aws-cdk-lib/aws-connect";
import * as sns from "aws-cdk-lib/aws-sns";
import type { Construct } from "constructs";
import { hubNames, stackNames } from "../../domain/naming";
import type { Hub } from "../../domain/tenant";
import { ConnectInstance } from "../connect-instance";
import { OperationsMonitoring } from "../operations-monitoring";
import { TenantKey } from "../tenant-key";

/** Instance-wide Connect metrics (MetricGroup VoiceCalls) that page the platform team. */
export const HUB_ALARM_METRICS = ["MissedCalls", "ThrottledCalls", "CallsBreachingConcurrencyQuota"] as const;

export interface HubStackProps extends StackProps {
  readonly hub: Hub;
  /** The console site's origin (`https://host`), allowed to embed the contact control panel. */
  readonly consoleOrigin: string;
}

/**
 * @example
 * const hubStack = new HubStack(app, stackNames.hub(hub), { hub });
 */
export class HubStack extends Stack {
  readonly hub: Hub;
  readonly connect: ConnectInstance;
  readonly operationsTopic: sns.Topic;
  readonly consoleOrigin: connect.CfnApprovedOrigin;

  constructor(scope: Construct, id: string, props: HubStackProps) {
    const { hub } = props;
    super(scope, id, {
      stackName: stackNames.hub(hub),
      env: { account: hub.account, region: hub.connectRegion },
      description: `siaga112 hub ${hub.id}: the shared Amazon Connect instance ${hub.instanceAlias}`,
      ...props,
    });
    this.hub = hub;
    const key = new TenantKey(this, "Key", {
      alias: hubNames(hub).keyAlias,
      tenantCode: `hub ${hub.id}`,
      purpose: "the hub's contact flow logs and operations topic",
      logGroupPrefixes: [`/aws/connect/${hub.instanceAlias}`],
    });
    this.connect = new ConnectInstance(this, "Connect", {
      instanceAlias: hub.instanceAlias,
      flowLogKey: key.key,
    });
    if (!/^https:\/\/[a-z0-9.-]+(:\d+)?$/.test(props.consoleOrigin)) {
      throw new Error(
        `HubStack props.consoleOrigin "${props.consoleOrigin}": expected an origin such as https://d111111abcdef8.cloudfront.net (no path)`,
      );
    }
    this.consoleOrigin = new connect.CfnApprovedOrigin(this, "ConsoleOrigin", {
      instanceId: this.connect.instance.attrArn,
      origin: props.consoleOrigin,
    });
    this.operationsTopic = new sns.Topic(this, "Operations", {
      topicName: hubNames(hub).operationsTopic,
      masterKey: key.key,
      enforceSSL: true,
    });
    const monitoring = new OperationsMonitoring(this, "Monitoring", {
      operationsTopic: this.operationsTopic,
      alarmPrefix: hubNames(hub).prefix,
    });
    for (const metric of HUB_ALARM_METRICS) {
      monitoring.watchConnectInstance(hub.id, this.connect.instance.attrId, metric);
    }
  }
}
