import { App, Stack } from "aws-cdk-lib";
import { checkDomainPrefix, HostedSignIn } from "../../lib/hosted-sign-in";
import { StaffUserPool } from "../../lib/staff-user-pool";

describe("HostedSignIn", () => {
  it("refuses prefix domains Cognito refuses: reserved words, capitals, too long", () => {
    expect(() => checkDomainPrefix("siaga112-cognito-71-71")).toThrow('contains the reserved word "cognito"');
    expect(() => checkDomainPrefix("amazon-112")).toThrow('contains the reserved word "amazon"');
    expect(() => checkDomainPrefix("Siaga112")).toThrow('"Siaga112": not a Cognito prefix domain');
    expect(() => checkDomainPrefix(`s${"1".repeat(63)}`)).toThrow("not a Cognito prefix domain");
    expect(() => checkDomainPrefix("siaga112-71-71-111111111111")).not.toThrow();
  });

  it("tells the page the pool's issuer, its client, the hosted domain, where to return and the scopes", () => {
    const stack = new Stack(new App(), "S", { env: { account: "111111111111", region: "ap-southeast-3" } });
    const userPool = new StaffUserPool(stack, "Pool", { userPoolName: "siaga112-71-71-call-takers" });
    const signIn = new HostedSignIn(stack, "SignIn", {
      userPool,
      domainPrefix: "siaga112-71-71-111111111111",
      groups: [],
      siteUrl: "https://d111111abcdef8.cloudfront.net/",
      apiScope: { resourceServer: "siaga112", name: "console", description: "The call-taker console API" },
    });
    const resolved = stack.resolve(signIn.settings);
    expect(resolved).toEqual({
      authority: {
        "Fn::Join": [
          "",
          [
            "https://cognito-idp.ap-southeast-3.",
            { Ref: "AWS::URLSuffix" },
            "/",
            { Ref: expect.any(String) },
          ],
        ],
      },
      clientId: { Ref: expect.stringMatching(/Browser/) },
      signInDomain: {
        "Fn::Join": [
          "",
          ["https://", { Ref: expect.stringMatching(/Domain/) }, ".auth.ap-southeast-3.amazoncognito.com"],
        ],
      },
      redirectUri: "https://d111111abcdef8.cloudfront.net/",
      scope: "openid email siaga112/console",
    });
  });
});
