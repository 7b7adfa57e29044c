import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import * as kms from "aws-cdk-lib/aws-kms";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { MonitoringFrontDoor } from "../../lib/monitoring-front-door";

describe("MonitoringFrontDoor", () => {
  const setup = (namePrefix = "siaga112-national") => {
    const stack = new Stack(new App(), "S", { env: { account: "111111111111", region: "ap-southeast-3" } });
    const handler = new lambda.Function(stack, "Fn", {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: "index.handler",
      code: lambda.Code.fromInline("exports.handler = async () => ({})"),
    });
    const door = new MonitoringFrontDoor(stack, "Door", {
      namePrefix,
      handler,
      logKey: new kms.Key(stack, "K"),
    });
    return { stack, door };
  };

  it("exposes only GET /api/* and requires a Cognito token on it", () => {
    const template = Template.fromStack(setup().stack);
    const routes = Object.values(template.findResources("AWS::ApiGatewayV2::Route"));
    expect(routes.map((r) => [r.Properties.RouteKey, r.Properties.AuthorizationType])).toEqual([
      ["GET /api/{proxy+}", "JWT"],
    ]);
  });

  it("writes only config.json when there are no dashboard files", () => {
    const { door } = setup();
    expect(Object.keys(door.signIn).sort()).toEqual(
      ["authDomain", "redirectUri", "region", "userPoolClientId", "userPoolId"].sort(),
    );
  });

  it("names a prefix Cognito would refuse as a domain", () => {
    expect(() => setup("Siaga112_National")).toThrow(
      'MonitoringFrontDoor props.namePrefix "Siaga112_National"',
    );
  });
});
