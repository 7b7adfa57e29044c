import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import * as kms from "aws-cdk-lib/aws-kms";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { MonitoringFrontDoor } from "../../lib/monitoring-front-door";

describe("MonitoringFrontDoor", () => {
  const setup = (namePrefix = "siaga112-national", signInDomainPrefix = "siaga112-national-111111111111") => {
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
      signInDomainPrefix,
    });
    return { stack, door };
  };

  it("exposes only GET /api/* and requires an access token with the monitoring scope on it", () => {
    const template = Template.fromStack(setup().stack);
    const routes = Object.values(template.findResources("AWS::ApiGatewayV2::Route"));
    expect(
      routes.map((r) => [
        r.Properties.RouteKey,
        r.Properties.AuthorizationType,
        r.Properties.AuthorizationScopes,
      ]),
    ).toEqual([["GET /api/{proxy+}", "JWT", ["siaga112/monitoring"]]]);
  });

  it("signs officers in with the code flow only (no SRP, no secret) and makes the national group", () => {
    const template = Template.fromStack(setup().stack);
    const [client] = Object.values(template.findResources("AWS::Cognito::UserPoolClient"));
    expect(client.Properties).toMatchObject({
      AllowedOAuthFlows: ["code"],
      GenerateSecret: false,
      ExplicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
    });
    template.hasResourceProperties("AWS::Cognito::UserPoolGroup", { GroupName: "national" });
  });

  it("tells the dashboard the issuer, client, hosted domain, return address and scope", () => {
    const { door } = setup();
    expect(Object.keys(door.signIn.settings).sort()).toEqual(
      ["authority", "clientId", "redirectUri", "scope", "signInDomain"].sort(),
    );
    expect(door.signIn.settings.scope).toBe("openid email siaga112/monitoring");
  });

  it("names a prefix Cognito would refuse", () => {
    expect(() => setup("Siaga112_National")).toThrow(
      'MonitoringFrontDoor props.namePrefix "Siaga112_National"',
    );
    expect(() => setup(undefined, "aws-siaga112")).toThrow(
      'HostedSignIn props.domainPrefix "aws-siaga112": contains the reserved word "aws"',
    );
  });
});
