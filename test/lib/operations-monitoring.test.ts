import { App, type CfnElement, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import * as sns from "aws-cdk-lib/aws-sns";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { OperationsMonitoring } from "../../lib/operations-monitoring";

describe("OperationsMonitoring", () => {
  const setup = (dashboardName?: string) => {
    const stack = new Stack(new App(), "S");
    const operationsTopic = new sns.Topic(stack, "Ops");
    const monitoring = new OperationsMonitoring(stack, "M", {
      operationsTopic,
      alarmPrefix: "siaga112-71-71",
      dashboardName,
    });
    return { stack, monitoring, operationsTopic };
  };

  it("alarms at the first dead letter and sends the alarm to the operations topic", () => {
    const { stack, monitoring, operationsTopic } = setup();
    monitoring.watchDeadLetterQueue("dead-letters", new sqs.Queue(stack, "Q"));
    Template.fromStack(stack).hasResourceProperties("AWS::CloudWatch::Alarm", {
      AlarmName: "siaga112-71-71-dead-letters-depth",
      Threshold: 1,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
      AlarmActions: [{ Ref: stack.getLogicalId(operationsTopic.node.defaultChild as CfnElement) }],
      TreatMissingData: "notBreaching",
    });
  });

  it("alarms on a caller waiting longer than 20 seconds (NENA) in the queue", () => {
    const { stack, monitoring } = setup();
    monitoring.watchConnectQueue("112", { instanceId: "i-1", queueName: "siaga112-71-71" });
    Template.fromStack(stack).hasResourceProperties("AWS::CloudWatch::Alarm", {
      AlarmName: "siaga112-71-71-112-longest-wait",
      MetricName: "LongestQueueWaitTime",
      Threshold: 20,
    });
  });

  it("only draws widgets, without alarms, for a queue in another Region", () => {
    const { stack, monitoring } = setup("siaga112-71-71");
    monitoring.watchConnectQueue("112", { queueName: "siaga112-71-71", region: "ap-southeast-1" });
    const template = Template.fromStack(stack);
    template.resourceCountIs("AWS::CloudWatch::Alarm", 0);
    template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
  });

  it("names a bad alarm prefix", () => {
    const stack = new Stack(new App(), "S");
    expect(
      () =>
        new OperationsMonitoring(stack, "M", {
          operationsTopic: new sns.Topic(stack, "T"),
          alarmPrefix: "a b",
        }),
    ).toThrow('OperationsMonitoring props.alarmPrefix "a b"');
  });
});
