import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import * as kms from "aws-cdk-lib/aws-kms";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { CallTakerApi } from "../../lib/calltaker-api";

describe("CallTakerApi", () => {
  const setup = (rateLimit?: number) => {
    const stack = new Stack(new App(), "S");
    const handler = new lambda.Function(stack, "Fn", {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: "index.handler",
      code: lambda.Code.fromInline("exports.handler = async () => ({})"),
    });
    new CallTakerApi(stack, "Api", {
      namePrefix: "siaga112-71-71",
      handler,
      logKey: new kms.Key(stack, "K"),
      rateLimit,
    });
    return Template.fromStack(stack);
  };

  it("throttles the whole API so one client cannot flood the incident table", () => {
    setup(10).hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      DefaultRouteSettings: { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 },
    });
  });

  it("lets nobody sign themselves up: call-takers are created by the centre", () => {
    setup().hasResourceProperties("AWS::Cognito::UserPool", {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UserPoolName: "siaga112-71-71-call-takers",
    });
  });

  it("names a rate limit that is not positive", () => {
    expect(() => setup(0)).toThrow("CallTakerApi props.rateLimit 0: expected a number above 0");
  });
});
