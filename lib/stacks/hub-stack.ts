/**
 * One hub (`siaga112-hub-<hubId>`): the Amazon Connect instance several tenants share, in the hub's
 * Connect Region, with its instance-wide alarms.
 */
import { Stack, type StackProps } from "aws-cdk-lib";
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
}

/**
 * @example
 * const hubStack = new HubStack(app, stackNames.hub(hub), { hub });
 */
export class HubStack extends Stack {
  readonly hub: Hub;
  readonly connect: ConnectInstance;
  readonly operationsTopic: sns.Topic;

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
