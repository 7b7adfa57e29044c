import { join } from "node:path";
import { App, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import * as logs from "aws-cdk-lib/aws-logs";
import { SiagaFunction } from "../../lib/siaga-function";
import { standInLambdas } from "../support/example-app";

describe("SiagaFunction", () => {
  const bundleDir = join(standInLambdas(), "intake");

  it("runs on nodejs24.x (arm64) with its own retained log group and a role that writes only there", () => {
    const stack = new Stack(new App(), "S");
    new SiagaFunction(stack, "F", { functionName: "siaga112-71-71-intake", bundleDir, description: "test" });
    const template = Template.fromStack(stack);
    template.hasResourceProperties("AWS::Lambda::Function", {
      Runtime: "nodejs24.x",
      Architectures: ["arm64"],
      Handler: "index.handler",
      LoggingConfig: { LogFormat: "JSON", LogGroup: { Ref: Match.stringLikeRegexp("^FLogs") } },
    });
    template.hasResource("AWS::Logs::LogGroup", {
      DeletionPolicy: "Retain",
      Properties: { LogGroupName: "/aws/lambda/siaga112-71-71-intake", RetentionInDays: 90 },
    });
    template.resourceCountIs("AWS::IAM::ManagedPolicy", 0);
    const [role] = Object.values(template.findResources("AWS::IAM::Role"));
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it("takes another retention", () => {
    const stack = new Stack(new App(), "S");
    new SiagaFunction(stack, "F", {
      functionName: "siaga112-71-71-intake",
      bundleDir,
      description: "test",
      logRetention: logs.RetentionDays.ONE_WEEK,
    });
    Template.fromStack(stack).hasResourceProperties("AWS::Logs::LogGroup", { RetentionInDays: 7 });
  });
});
