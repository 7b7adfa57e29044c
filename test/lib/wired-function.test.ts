import { join } from "node:path";
import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import type { FunctionSpec } from "../../lambdas/manifest";
import { WiredFunction } from "../../lib/wired-function";
import { standInLambdas } from "../support/example-app";

const spec: FunctionSpec = {
  name: "ack",
  home: "data",
  description: "test",
  wiring: {
    trigger: { kind: "http-api" },
    env: ["INCIDENT_TABLE_NAME"],
    grants: [{ resource: "table", actions: ["dynamodb:GetItem"] }],
  },
};

describe("WiredFunction", () => {
  const bundleDir = join(standInLambdas(), "ack");
  const stack = () =>
    new Stack(new App(), "S", { env: { account: "111111111111", region: "ap-southeast-3" } });

  it("sets the environment and grants the manifest asks for, on the given ARNs", () => {
    const s = stack();
    new WiredFunction(s, "Fn", {
      spec,
      functionName: "siaga112-71-71-ack",
      bundleDir,
      environment: { INCIDENT_TABLE_NAME: "siaga112-71-71-incidents", ACK_BASE_URL: "unused" },
      resources: {
        table: { arns: ["arn:aws:dynamodb:ap-southeast-3:111111111111:table/siaga112-71-71-incidents"] },
      },
    });
    const template = Template.fromStack(s);
    template.hasResourceProperties("AWS::Lambda::Function", {
      Environment: { Variables: { INCIDENT_TABLE_NAME: "siaga112-71-71-incidents" } },
    });
    expect(JSON.stringify(template.findResources("AWS::IAM::Policy"))).toContain(
      '"Action":"dynamodb:GetItem","Effect":"Allow","Resource":"arn:aws:dynamodb:ap-southeast-3:111111111111:table/siaga112-71-71-incidents"',
    );
  });

  it("names the function and the variable the stack cannot provide", () => {
    expect(
      () =>
        new WiredFunction(stack(), "Fn", {
          spec,
          functionName: "siaga112-71-71-ack",
          bundleDir,
          environment: {},
          resources: {},
        }),
    ).toThrow('function "ack" reads INCIDENT_TABLE_NAME, which the stack does not provide');
  });

  it("names the function and the resource the stack cannot grant", () => {
    expect(
      () =>
        new WiredFunction(stack(), "Fn", {
          spec,
          functionName: "siaga112-71-71-ack",
          bundleDir,
          environment: { INCIDENT_TABLE_NAME: "t" },
          resources: {},
        }),
    ).toThrow('function "ack" needs dynamodb:GetItem on table, which the stack does not provide');
  });

  it("requires a reason for a wildcard ARN", () => {
    expect(
      () =>
        new WiredFunction(stack(), "Fn", {
          spec,
          functionName: "siaga112-71-71-ack",
          bundleDir,
          environment: { INCIDENT_TABLE_NAME: "t" },
          resources: { table: { arns: ["arn:aws:dynamodb:ap-southeast-3:111111111111:table/t/index/*"] } },
        }),
    ).toThrow(/table grant of "ack": .*index\/\* has a wildcard and no wildcardReason/);
  });

  it("checks the function name", () => {
    expect(
      () =>
        new WiredFunction(stack(), "Fn", {
          spec,
          functionName: "siaga112 ack",
          bundleDir,
          environment: { INCIDENT_TABLE_NAME: "t" },
          resources: {},
        }),
    ).toThrow('SiagaFunction props.functionName "siaga112 ack"');
  });
});
