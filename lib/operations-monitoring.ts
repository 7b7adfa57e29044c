/**
 * One monitoring facade per stack (tenant, hub or national): every resource handed to it gets its alarms (sent to the
 * tenant's operations topic) and, when the facade owns a dashboard, its widgets.
 * Thresholds are chosen for an emergency line: any error or throttle deserves a look.
 */
import { Duration } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as actions from "aws-cdk-lib/aws-cloudwatch-actions";
import type * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import type * as sns from "aws-cdk-lib/aws-sns";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";

export interface OperationsMonitoringProps {
  /** Where alarms go. */
  readonly operationsTopic: sns.ITopic;
  /** Prefix of alarm names, e.g. `siaga112-71-71`. */
  readonly alarmPrefix: string;
  /** Creates a dashboard with this name. @default no dashboard */
  readonly dashboardName?: string;
  /** Evaluation period of every alarm. @default Duration.minutes(5) */
  readonly period?: Duration;
}

/** A Connect queue of a tenant, watched through CloudWatch in the hub's Region. */
export interface ConnectQueueWatch {
  /** Connect instance id (a token in the hub's Region); omit it for search widgets from another Region. */
  readonly instanceId?: string;
  readonly queueName: string;
  /** Region of the instance, for search widgets on a dashboard in another Region. */
  readonly region?: string;
  /** Seconds the oldest caller may wait before the alarm fires (NENA: 95% within 20 s). @default 20 */
  readonly maxWaitSeconds?: number;
}

/**
 * @example
 * const monitoring = new OperationsMonitoring(this, "Monitoring", { operationsTopic, alarmPrefix: "siaga112-71-71" });
 * monitoring.watchFunction("relay", relay.function);
 */
export class OperationsMonitoring extends Construct {
  readonly dashboard?: cloudwatch.Dashboard;
  readonly alarms: cloudwatch.Alarm[] = [];
  private readonly props: OperationsMonitoringProps;
  private readonly period: Duration;

  constructor(scope: Construct, id: string, props: OperationsMonitoringProps) {
    super(scope, id);
    if (!/^[A-Za-z0-9_.-]{1,200}$/.test(props.alarmPrefix)) {
      throw new Error(
        `OperationsMonitoring props.alarmPrefix "${props.alarmPrefix}": expected 1-200 of A-Z a-z 0-9 _ . -`,
      );
    }
    this.props = props;
    this.period = props.period ?? Duration.minutes(5);
    if (props.dashboardName) {
      this.dashboard = new cloudwatch.Dashboard(this, "Dashboard", {
        dashboardName: props.dashboardName,
        defaultInterval: Duration.hours(24),
      });
    }
  }

  /** Alarms on errors and throttles of a function. */
  watchFunction(label: string, fn: lambda.IFunction): void {
    const errors = fn.metricErrors({ period: this.period, statistic: "Sum" });
    const throttles = fn.metricThrottles({ period: this.period, statistic: "Sum" });
    this.alarm(`${label}-errors`, errors, 1, `Function ${label} failed`);
    this.alarm(`${label}-throttles`, throttles, 1, `Function ${label} was throttled`);
    this.widget(`Function ${label}`, [errors, throttles]);
  }

  /** Widgets (no alarm: alarms live in the function's own Region) for a function in another Region. */
  showRemoteFunction(label: string, functionName: string, region: string): void {
    const metric = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: "AWS/Lambda",
        metricName,
        dimensionsMap: { FunctionName: functionName },
        region,
        period: this.period,
        statistic: "Sum",
      });
    this.widget(`Function ${label} (${region})`, [
      metric("Errors"),
      metric("Throttles"),
      metric("Invocations"),
    ]);
  }

  /** Alarm as soon as a message sits in a dead-letter queue. */
  watchDeadLetterQueue(label: string, queue: sqs.IQueue): void {
    const depth = queue.metricApproximateNumberOfMessagesVisible({
      period: this.period,
      statistic: "Maximum",
    });
    this.alarm(`${label}-depth`, depth, 1, `Messages waiting in dead-letter queue ${label}`);
    this.widget(`Dead letters ${label}`, [depth]);
  }

  /** Alarms on read and write throttles of a table. */
  watchTable(label: string, table: dynamodb.ITable): void {
    const metric = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: "AWS/DynamoDB",
        metricName,
        dimensionsMap: { TableName: table.tableName },
        period: this.period,
        statistic: "Sum",
      });
    const reads = metric("ReadThrottleEvents");
    const writes = metric("WriteThrottleEvents");
    this.alarm(`${label}-read-throttles`, reads, 1, `Reads of table ${label} were throttled`);
    this.alarm(`${label}-write-throttles`, writes, 1, `Writes to table ${label} were throttled`);
    this.widget(`Table ${label}`, [reads, writes]);
  }

  /** Alarm when a topic fails to deliver (SMS or e-mail). */
  watchTopic(label: string, topic: sns.ITopic): void {
    const failed = topic.metricNumberOfNotificationsFailed({ period: this.period, statistic: "Sum" });
    this.alarm(
      `${label}-delivery-failures`,
      failed,
      1,
      `Deliveries of topic ${label} failed (SMS or e-mail)`,
    );
    this.widget(`Topic ${label}`, [topic.metricNumberOfMessagesPublished({ period: this.period }), failed]);
  }

  /**
   * Alarms on callers waiting too long or too many callers queued. Without `instanceId` (a
   * dashboard in another Region than the instance) it only adds widgets, found by a metric search.
   */
  watchConnectQueue(label: string, watch: ConnectQueueWatch): void {
    const instanceId = watch.instanceId;
    if (!instanceId) {
      const search = (metricName: string) =>
        new cloudwatch.MathExpression({
          expression: `SEARCH('{AWS/Connect,InstanceId,MetricGroup,QueueName} MetricName="${metricName}" QueueName="${watch.queueName}"', 'Maximum', 60)`,
          usingMetrics: {},
          label: metricName,
          period: Duration.minutes(1),
          searchRegion: watch.region,
        });
      this.widget(`Queue ${label} (${watch.region ?? "this Region"})`, [
        search("QueueSize"),
        search("LongestQueueWaitTime"),
      ]);
      return;
    }
    const metric = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: "AWS/Connect",
        metricName,
        dimensionsMap: { InstanceId: instanceId, MetricGroup: "Queue", QueueName: watch.queueName },
        period: Duration.minutes(1),
        statistic: "Maximum",
      });
    const size = metric("QueueSize");
    const wait = metric("LongestQueueWaitTime");
    this.alarm(`${label}-queue-size`, size, 3, `Three or more callers waiting in ${label}`);
    this.alarm(
      `${label}-longest-wait`,
      wait,
      watch.maxWaitSeconds ?? 20,
      `A caller waited too long in ${label}`,
    );
    this.widget(`Queue ${label}`, [size, wait]);
  }

  /** Alarm on errors of a contact flow (a caller may have been dropped). */
  watchContactFlow(label: string, instanceId: string, flowName: string): void {
    const errors = new cloudwatch.Metric({
      namespace: "AWS/Connect",
      metricName: "ContactFlowErrors",
      dimensionsMap: { InstanceId: instanceId, MetricGroup: "ContactFlow", ContactFlowName: flowName },
      period: this.period,
      statistic: "Sum",
    });
    this.alarm(`${label}-flow-errors`, errors, 1, `Contact flow ${label} hit an error branch`);
    this.widget(`Flow ${label}`, [errors]);
  }

  /** Alarm as soon as a function reports this count (an EMF metric, e.g. from Powertools). */
  watchCount(
    label: string,
    metric: { namespace: string; metricName: string; dimensions: Record<string, string> },
    description: string,
  ): void {
    const count = new cloudwatch.Metric({
      namespace: metric.namespace,
      metricName: metric.metricName,
      dimensionsMap: metric.dimensions,
      period: this.period,
      statistic: "Sum",
    });
    this.alarm(label, count, 1, description);
    this.widget(description, [count]);
  }

  /** Alarm on an instance-wide Connect metric (VoiceCalls group: missed, throttled, over quota). */
  watchConnectInstance(label: string, instanceId: string, metricName: string): void {
    const metric = new cloudwatch.Metric({
      namespace: "AWS/Connect",
      metricName,
      dimensionsMap: { InstanceId: instanceId, MetricGroup: "VoiceCalls" },
      period: this.period,
      statistic: "Sum",
    });
    this.alarm(`${label}-${metricName}`, metric, 1, `Connect ${metricName} on ${label}`);
    this.widget(`Connect ${metricName}`, [metric]);
  }

  private alarm(name: string, metric: cloudwatch.IMetric, threshold: number, description: string): void {
    const alarm = new cloudwatch.Alarm(this, `Alarm-${name}`, {
      alarmName: `${this.props.alarmPrefix}-${name}`,
      alarmDescription: description,
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.props.operationsTopic));
    this.alarms.push(alarm);
  }

  private widget(title: string, metrics: cloudwatch.IMetric[]): void {
    this.dashboard?.addWidgets(new cloudwatch.GraphWidget({ title, left: metrics, width: 12, height: 6 }));
  }
}
