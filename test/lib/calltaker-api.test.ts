import { App, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import * as kms from "aws-cdk-lib/aws-kms";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { TENANT_ROLES } from "../../domain/roles";
import { CallTakerApi } from "../../lib/calltaker-api";

describe("CallTakerApi", () => {
  const setup = (rateLimit?: number, consoleOrigin = "https://d111111abcdef8.cloudfront.net") => {
    const stack = new Stack(new App(), "S", { env: { account: "111111111111", region: "ap-southeast-3" } });
    const handler = new lambda.Function(stack, "Fn", {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: "index.handler",
      code: lambda.Code.fromInline("exports.handler = async () => ({})"),
    });
    const api = new CallTakerApi(stack, "Api", {
      namePrefix: "siaga112-71-71",
      handler,
      logKey: new kms.Key(stack, "K"),
      rateLimit,
      signInDomainPrefix: "siaga112-71-71-111111111111",
      consoleOrigin,
    });
    return { template: Template.fromStack(stack), api, stack };
  };

  it("throttles the whole API so one client cannot flood the incident table", () => {
    setup(10).template.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      DefaultRouteSettings: { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 },
    });
  });

  it("lets nobody sign themselves up: call-takers are created by the centre", () => {
    setup().template.hasResourceProperties("AWS::Cognito::UserPool", {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UserPoolName: "siaga112-71-71-call-takers",
    });
  });

  it("signs call-takers in on the pool's hosted pages with the code flow only, returning to the console", () => {
    const { template } = setup();
    template.hasResourceProperties("AWS::Cognito::UserPoolDomain", {
      Domain: "siaga112-71-71-111111111111",
      ManagedLoginVersion: 2,
    });
    const clients = Object.values(template.findResources("AWS::Cognito::UserPoolClient"));
    expect(clients).toHaveLength(1);
    expect(clients[0].Properties).toMatchObject({
      AllowedOAuthFlows: ["code"],
      AllowedOAuthFlowsUserPoolClient: true,
      GenerateSecret: false,
      ExplicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
      CallbackURLs: ["https://d111111abcdef8.cloudfront.net/"],
      LogoutURLs: ["https://d111111abcdef8.cloudfront.net/"],
      SupportedIdentityProviders: ["COGNITO"],
    });
    expect(clients[0].Properties.AllowedOAuthScopes).toEqual(
      expect.arrayContaining([
        "openid",
        "email",
        { "Fn::Join": ["", [{ Ref: expect.any(String) }, "/console"]] },
      ]),
    );
    template.resourceCountIs("AWS::Cognito::ManagedLoginBranding", 1);
  });

  it("creates the staff groups of domain/roles.ts in the tenant's pool", () => {
    const groups = Object.values(setup().template.findResources("AWS::Cognito::UserPoolGroup"));
    expect(groups.map((g) => g.Properties.GroupName)).toEqual([...TENANT_ROLES]);
  });

  it("authorizes every route with the pool's issuer, the console client as audience and the console scope", () => {
    const { template, api, stack } = setup();
    const [authorizer] = Object.values(template.findResources("AWS::ApiGatewayV2::Authorizer"));
    expect(authorizer.Properties).toMatchObject({
      AuthorizerType: "JWT",
      IdentitySource: ["$request.header.Authorization"],
      JwtConfiguration: {
        Audience: [stack.resolve(api.client.userPoolClientId)],
        Issuer: stack.resolve(`https://cognito-idp.ap-southeast-3.amazonaws.com/${api.userPool.userPoolId}`),
      },
    });
    const routes = Object.values(template.findResources("AWS::ApiGatewayV2::Route"));
    expect(routes.map((r) => [r.Properties.RouteKey, r.Properties.AuthorizationType])).toEqual([
      ["$default", "JWT"],
    ]);
    // Only access tokens carry scopes: an ID token of the same client is refused.
    expect(routes[0].Properties.AuthorizationScopes).toEqual(["siaga112/console"]);
  });

  it("answers cross-origin calls from the console site only", () => {
    setup().template.hasResourceProperties("AWS::ApiGatewayV2::Api", {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ["https://d111111abcdef8.cloudfront.net"],
        AllowHeaders: ["authorization", "content-type"],
      }),
    });
  });

  it("names a rate limit that is not positive", () => {
    expect(() => setup(0)).toThrow("CallTakerApi props.rateLimit 0: expected a number above 0");
  });

  it("names a console address that is not an https origin", () => {
    expect(() => setup(undefined, "http://konsol.example")).toThrow(
      'HostedSignIn props.siteUrl "http://konsol.example/": expected the site\'s https address',
    );
  });
});
